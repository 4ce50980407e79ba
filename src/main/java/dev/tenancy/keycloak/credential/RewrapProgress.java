package dev.tenancy.keycloak.credential;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tenancy.keycloak.metrics.RewrapOutcome;
import dev.tenancy.keycloak.metrics.TenancyMetrics;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One rewrap run on this node: its state and counts, updated after every committed batch, read by the status
 * endpoint and passed on to the node's meters.
 */
final class RewrapProgress {

    enum State { RUNNING, COMPLETED, FAILED, RUNNING_ELSEWHERE }

    /** {@link #pending()} of a run whose work was not counted at its start (metrics off). */
    static final long UNCOUNTED = -1;

    private final int targetVersion;
    private final String realmName;
    private final long toDo;
    private final TenancyMetrics metrics;
    private final long startedAt = System.currentTimeMillis();
    private final AtomicLong rewrapped = new AtomicLong();
    private final AtomicLong rebound = new AtomicLong();
    private final AtomicLong changedMeanwhile = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private volatile State state = State.RUNNING;
    private volatile Long finishedAt;
    private volatile String message;

    /** {@code toDo}: the rows the run had ahead of it when it started, or {@link #UNCOUNTED}. */
    RewrapProgress(int targetVersion, String realmName, long toDo, TenancyMetrics metrics) {
        this.targetVersion = targetVersion;
        this.realmName = realmName;
        this.toDo = toDo;
        this.metrics = metrics;
    }

    /** {@code reboundNow}: of the rows rewrapped, those also moved to the current binding version. */
    void batch(long rewrappedNow, long reboundNow, long changedNow, long unreadableNow) {
        rewrapped.addAndGet(rewrappedNow);
        rebound.addAndGet(reboundNow);
        changedMeanwhile.addAndGet(changedNow);
        unreadable.addAndGet(unreadableNow);
        metrics.rewrapBatch(realmName, rewrappedNow, changedNow, unreadableNow);
    }

    void finish(State end, String why) {
        metrics.rewrapFinished(realmName, switch (end) {
            case COMPLETED -> RewrapOutcome.COMPLETED;
            case RUNNING_ELSEWHERE -> RewrapOutcome.RUNNING_ELSEWHERE;
            case FAILED, RUNNING -> RewrapOutcome.FAILED;
        });
        message = why;
        finishedAt = System.currentTimeMillis();
        state = end;
    }

    /**
     * The rows this run has still to handle while it runs on this node (rewrapped, skipped as changed meanwhile,
     * or found unreadable count as handled); 0 once it ended or when its work was not counted.
     */
    long pending() {
        if (state != State.RUNNING || toDo == UNCOUNTED) {
            return 0;
        }
        return Math.max(0, toDo - rewrapped.get() - changedMeanwhile.get() - unreadable.get());
    }

    /** The backlog of these runs together: the node's rewrap gauge. */
    static long pending(Collection<RewrapProgress> runs) {
        return runs.stream().mapToLong(RewrapProgress::pending).sum();
    }

    boolean running() {
        return state == State.RUNNING;
    }

    int targetVersion() {
        return targetVersion;
    }

    long rewrapped() {
        return rewrapped.get();
    }

    long rebound() {
        return rebound.get();
    }

    /** The run as the key status shows it; times ISO-8601, {@code finishedAt} and {@code message} absent until set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Representation(String state, int targetVersion, long rewrapped, long rebound, long changedMeanwhile,
            long unreadable, String startedAt, String finishedAt, String message) {
    }

    Representation representation() {
        return new Representation(state.name(), targetVersion, rewrapped.get(), rebound.get(), changedMeanwhile.get(),
                unreadable.get(), Instant.ofEpochMilli(startedAt).toString(),
                finishedAt == null ? null : Instant.ofEpochMilli(finishedAt).toString(), message);
    }
}
