package dev.tenancy.keycloak.credential;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's rewrap runs, the latest per realm since the node started. Held by the credential store's provider
 * factory, so a new server (or a test's) starts with none.
 */
final class RewrapRuns {

    private final Map<String, RewrapProgress> latest = new ConcurrentHashMap<>();

    Optional<RewrapProgress> latest(String realmId) {
        return Optional.ofNullable(latest.get(realmId));
    }

    /** The rows the runs going on at this node have still to handle, over all realms: the rewrap backlog gauge. */
    long pending() {
        return latest.values().stream().mapToLong(RewrapProgress::pending).sum();
    }

    /** {@code fresh} as the realm's run, unless a run is going on already: then that one. */
    RewrapProgress startOrJoin(String realmId, RewrapProgress fresh) {
        return latest.compute(realmId, (id, previous) -> previous != null && previous.running() ? previous : fresh);
    }
}
