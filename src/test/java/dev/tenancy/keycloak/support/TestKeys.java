package dev.tenancy.keycloak.support;

import java.util.List;

/**
 * The key-encryption keys the test server runs with: versions 1 and 2, version 1 primary, so a test can
 * rotate a realm to version 2 and rewrap. Test material only; it protects nothing.
 */
public final class TestKeys {

    public static final String VERSION_1 = "Q3sdQQPnTq+dXVuukf93XItUJEleKIisN67BESjTebc=";
    public static final String VERSION_2 = "PQWotaINSFY0yj/Y6QqA3app/hSdGHQrKsQ6/R2bCjI=";
    /** Rewrap batches of the test server: small and paced, so a test can stop the server halfway. */
    public static final int REWRAP_BATCH_SIZE = 25;
    public static final long REWRAP_PAUSE_MILLIS = 250;

    private TestKeys() {
    }

    static List<String> keycloakOptions() {
        return List.of(
                "--spi-tenancy-kek--config--keys=1:" + VERSION_1 + ",2:" + VERSION_2,
                "--spi-tenancy-kek--config--primary=1",
                "--spi-tenancy-credential-store--default--rewrap-batch-size="
                        + System.getProperty("tenancy.test.rewrapBatchSize", Integer.toString(REWRAP_BATCH_SIZE)),
                "--spi-tenancy-credential-store--default--rewrap-pause-millis="
                        + System.getProperty("tenancy.test.rewrapPauseMillis", Long.toString(REWRAP_PAUSE_MILLIS)));
    }
}
