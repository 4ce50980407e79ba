package dev.tenancy.keycloak.credential;

import dev.tenancy.keycloak.cluster.SharedStrings;
import dev.tenancy.keycloak.cluster.WorkCache;
import dev.tenancy.keycloak.json.JsonBodies;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;

/**
 * The rewrap runs of the cluster, shared in Keycloak's work cache: per realm, which node holds the run (a lock
 * naming the node) and the latest run's progress as that node last published it (after every batch). Any node
 * answers the status of a run another node does. A run whose node left the cluster (a crash) shows as stopped,
 * and the next start takes the lock over; the rows say what is left, so nothing is lost.
 */
final class RewrapRuns {

    private static final String RUN = "tenancy-rewrap-run::";
    private static final String LOCK = "tenancy-rewrap-lock::";
    /** A live run refreshes its lock after every batch; a lock nobody refreshes lapses after this long. */
    static final long LOCK_MILLIS = 15 * 60_000L;
    /** How long the status shows a finished run. */
    static final long KEPT_MILLIS = 24 * 60 * 60_000L;

    private final SharedStrings shared;

    RewrapRuns(SharedStrings shared) {
        this.shared = shared;
    }

    static RewrapRuns of(KeycloakSession session) {
        return new RewrapRuns(WorkCache.of(session));
    }

    /** A run as published: the node doing it, and its progress. */
    record Published(String node, RewrapProgress.Representation run) {
    }

    /** The realm's latest run in the cluster; a run whose node is gone shows as FAILED. */
    Optional<RewrapProgress.Representation> latest(String realmId) {
        String text = shared.get(RUN + realmId);
        if (text == null) {
            return Optional.empty();
        }
        Published published;
        try {
            published = JsonBodies.parse(text, Published.class);
        } catch (RuntimeException e) {
            // Written by a node of another version during a rolling upgrade: shown as no run, not as an error.
            return Optional.empty();
        }
        RewrapProgress.Representation run = published.run();
        if (RewrapProgress.State.RUNNING.name().equals(run.state()) && !shared.isMember(published.node())) {
            return Optional.of(new RewrapProgress.Representation(RewrapProgress.State.FAILED.name(),
                    run.targetVersion(), run.rewrapped(), run.rebound(), run.changedMeanwhile(), run.unreadable(),
                    run.startedAt(), null, "The node running the rewrap left the cluster; start the rewrap again"
                    + " to resume where it stopped"));
        }
        return Optional.of(run);
    }

    /**
     * Takes the realm's run for this node: true when this node is now the one to run it, false when a node of
     * the cluster (this one included) runs it already. A lock of a node that left the cluster is taken over.
     */
    boolean claim(String realmId) {
        String key = LOCK + realmId;
        for (int round = 0; round < 3; round++) {
            if (shared.putIfAbsent(key, shared.node(), LOCK_MILLIS)) {
                return true;
            }
            String holder = shared.get(key);
            if (holder != null && shared.isMember(holder)) {
                return false;
            }
            if (holder != null) {
                shared.remove(key, holder);
            }
        }
        return false;
    }

    /** Publishes this node's run and, while it runs, refreshes its lock. */
    void publish(String realmId, RewrapProgress progress) {
        shared.put(RUN + realmId, JsonBodies.write(new Published(shared.node(), progress.representation())),
                KEPT_MILLIS);
        if (progress.running()) {
            shared.put(LOCK + realmId, shared.node(), LOCK_MILLIS);
        }
    }

    /** Gives the realm's run up, once this node's run ended. */
    void release(String realmId) {
        shared.remove(LOCK + realmId, shared.node());
    }
}
