package dev.tenancy.keycloak.cluster;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.infinispan.remoting.transport.Address;
import org.keycloak.connections.infinispan.InfinispanConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * {@link SharedStrings} in Keycloak's {@code work} cache: replicated synchronously to every node (Keycloak
 * refuses to start otherwise), so a read is local and a write returns once every node has it. Keycloak keeps
 * its own cluster locks there; our keys start with {@code tenancy-}. In a single node (or {@code --cache=local})
 * the cache is local and the same code works.
 */
public final class WorkCache implements SharedStrings {

    private final Cache<String, Object> cache;
    private final String node;

    private WorkCache(Cache<String, Object> cache, String node) {
        this.cache = cache;
        this.node = node;
    }

    public static WorkCache of(KeycloakSession session) {
        InfinispanConnectionProvider infinispan = session.getProvider(InfinispanConnectionProvider.class);
        if (infinispan == null) {
            throw new IllegalStateException("Keycloak's Infinispan caches are not available");
        }
        return new WorkCache(infinispan.getCache(InfinispanConnectionProvider.WORK_CACHE_NAME),
                infinispan.getNodeInfo().nodeName());
    }

    @Override
    public String get(String key) {
        return cache.get(key) instanceof String value ? value : null;
    }

    @Override
    public boolean putIfAbsent(String key, String value, long lifespanMillis) {
        return cache.putIfAbsent(key, value, lifespanMillis, TimeUnit.MILLISECONDS) == null;
    }

    @Override
    public boolean replace(String key, String expected, String value, long lifespanMillis) {
        return cache.replace(key, expected, value, lifespanMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void put(String key, String value, long lifespanMillis) {
        cache.put(key, value, lifespanMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean remove(String key, String expected) {
        return cache.remove(key, expected);
    }

    @Override
    public String node() {
        return node;
    }

    // Keycloak names a node as its cluster address prints (its cluster locks compare the two the same way).
    @Override
    public boolean isMember(String other) {
        if (node.equals(other)) {
            return true;
        }
        List<Address> members = cache.getCacheManager().getMembers();
        return members != null && members.stream().map(Object::toString).anyMatch(other::equals);
    }
}
