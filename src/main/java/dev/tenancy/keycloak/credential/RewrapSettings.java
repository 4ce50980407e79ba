package dev.tenancy.keycloak.credential;

/** How a KEK rewrap runs: credentials per transaction, and a pause between transactions. */
record RewrapSettings(int batchSize, long pauseMillis) {

    static final RewrapSettings DEFAULT = new RewrapSettings(500, 0);

    static RewrapSettings of(int batchSize, long pauseMillis) {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalStateException("tenancy-credential-store: rewrap-batch-size must be between 1 and 10000,"
                    + " not " + batchSize);
        }
        if (pauseMillis < 0 || pauseMillis > 60_000) {
            throw new IllegalStateException("tenancy-credential-store: rewrap-pause-millis must be between 0 and"
                    + " 60000, not " + pauseMillis);
        }
        return new RewrapSettings(batchSize, pauseMillis);
    }
}
