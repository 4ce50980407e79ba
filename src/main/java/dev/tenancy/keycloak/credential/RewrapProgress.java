package dev.tenancy.keycloak.credential;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("state", state.name());
        json.put("targetVersion", targetVersion);
        json.put("rewrapped", rewrapped.get());
        json.put("rebound", rebound.get());
        json.put("changedMeanwhile", changedMeanwhile.get());
        json.put("unreadable", unreadable.get());
        json.put("startedAt", Instant.ofEpochMilli(startedAt).toString());
        json.put("finishedAt", finishedAt == null ? null : Instant.ofEpochMilli(finishedAt).toString());
        json.put("message", message);
        return json;
    }
}
