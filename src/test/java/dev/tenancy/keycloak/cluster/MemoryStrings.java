package dev.tenancy.keycloak.cluster;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link SharedStrings} in one map, for unit tests: every "node" built on it shares it; lifespans are ignored. */
public final class MemoryStrings implements SharedStrings {

    private final ConcurrentMap<String, String> values = new ConcurrentHashMap<>();

    @Override
    public String get(String key) {
        return values.get(key);
    }

    @Override
    public boolean putIfAbsent(String key, String value, long lifespanMillis) {
        return values.putIfAbsent(key, value) == null;
    }

    @Override
    public boolean replace(String key, String expected, String value, long lifespanMillis) {
        return values.replace(key, expected, value);
    }

    @Override
    public void put(String key, String value, long lifespanMillis) {
        values.put(key, value);
    }

    @Override
    public boolean remove(String key, String expected) {
        return values.remove(key, expected);
    }

    @Override
    public String node() {
        return "memory";
    }

    @Override
    public boolean isMember(String node) {
        return "memory".equals(node);
    }

    public int size() {
        return values.size();
    }
}
