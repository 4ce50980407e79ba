package dev.tenancy.keycloak.metrics;

/** How a KEK rewrap run on this node ended: tag {@code outcome} of {@code tenancy.credential.rewrap.runs.finished}. */
public enum RewrapOutcome {
    COMPLETED,
    /** Stopped by an error or a change of the realm's primary KEK version; a new run resumes it. */
    FAILED,
    /** Another node holds the realm's rewrap lock; this node did nothing. */
    RUNNING_ELSEWHERE
}
