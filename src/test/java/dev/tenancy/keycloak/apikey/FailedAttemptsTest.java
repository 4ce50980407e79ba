package dev.tenancy.keycloak.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailedAttemptsTest {

    @Test
    void aCallerPastTheLimitWaitsForTheWindowToEnd() {
        FailedAttempts attempts = new FailedAttempts(10);
        for (int i = 0; i < FailedAttempts.LIMIT_PER_WINDOW; i++) {
            assertThat(attempts.retryAfterSeconds("scanner", 1_000)).isZero();
            attempts.record("scanner", 1_000);
        }

        assertThat(attempts.retryAfterSeconds("scanner", 1_000)).isEqualTo(60);
        assertThat(attempts.retryAfterSeconds("scanner", 1_000 + FailedAttempts.WINDOW_MILLIS)).isZero();
        assertThat(attempts.retryAfterSeconds("someone else", 1_000)).isZero();
    }

    @Test
    void manyCallersNeverGrowTheMapPastItsCapacity() {
        FailedAttempts attempts = new FailedAttempts(1_000);
        for (int i = 0; i < 50_000; i++) {
            attempts.record("address-" + i, 1_000);
        }

        assertThat(attempts.tracked()).isEqualTo(1_000);
    }

    @Test
    void theLongestUntouchedCallerIsForgottenFirst() {
        FailedAttempts attempts = new FailedAttempts(2);
        for (int i = 0; i < FailedAttempts.LIMIT_PER_WINDOW; i++) {
            attempts.record("busy", 1_000);
        }
        attempts.record("quiet", 1_000);
        attempts.retryAfterSeconds("busy", 1_000);
        attempts.record("new", 1_000);

        assertThat(attempts.retryAfterSeconds("busy", 1_000)).isPositive();
        assertThat(attempts.tracked()).isEqualTo(2);
    }
}
