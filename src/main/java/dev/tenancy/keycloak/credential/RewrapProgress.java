package dev.tenancy.keycloak.credential;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** One rewrap run on this node: its state and counts, updated after every batch, read by the status endpoint. */
final class RewrapProgress {

    enum State { RUNNING, COMPLETED, FAILED, RUNNING_ELSEWHERE }

    private final int targetVersion;
    private final long startedAt = System.currentTimeMillis();
    private final AtomicLong rewrapped = new AtomicLong();
    private final AtomicLong rebound = new AtomicLong();
    private final AtomicLong changedMeanwhile = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private volatile State state = State.RUNNING;
    private volatile Long finishedAt;
    private volatile String message;

    RewrapProgress(int targetVersion) {
        this.targetVersion = targetVersion;
    }

    /** {@code reboundNow}: of the rows rewrapped, those also moved to the current binding version. */
    void batch(long rewrappedNow, long reboundNow, long changedNow, long unreadableNow) {
        rewrapped.addAndGet(rewrappedNow);
        rebound.addAndGet(reboundNow);
        changedMeanwhile.addAndGet(changedNow);
        unreadable.addAndGet(unreadableNow);
    }

    void finish(State end, String why) {
        message = why;
        finishedAt = System.currentTimeMillis();
        state = end;
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
