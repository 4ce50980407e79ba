package dev.tenancy.keycloak.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.keycloak.cluster.MemoryStrings;
import org.junit.jupiter.api.Test;

class FailedAttemptsTest {

    private final MemoryStrings shared = new MemoryStrings();

    private FailedAttempts node(int newWindowsPerMinute) {
        return new FailedAttempts(shared, new FailedAttempts.NewWindows(newWindowsPerMinute));
    }

    @Test
    void aCallerPastTheLimitWaitsForTheWindowToEnd() {
        FailedAttempts attempts = node(10);
        for (int i = 0; i < FailedAttempts.LIMIT_PER_WINDOW; i++) {
            assertThat(attempts.retryAfterSeconds("realm", "client", "scanner", 1_000)).isZero();
            attempts.record("realm", "client", "scanner", 1_000);
        }

        assertThat(attempts.retryAfterSeconds("realm", "client", "scanner", 1_000)).isEqualTo(60);
        assertThat(attempts.retryAfterSeconds("realm", "client", "scanner", 31_000)).isEqualTo(30);
        assertThat(attempts.retryAfterSeconds("realm", "client", "scanner", 1_000 + FailedAttempts.WINDOW_MILLIS))
                .isZero();
        assertThat(attempts.retryAfterSeconds("realm", "client", "someone else", 1_000)).isZero();
        assertThat(attempts.retryAfterSeconds("realm", "other client", "scanner", 1_000)).isZero();
    }

    @Test
    void failuresOnTwoNodesCountInOneWindow() {
        FailedAttempts a = node(10);
        FailedAttempts b = node(10);
        for (int i = 0; i < FailedAttempts.LIMIT_PER_WINDOW; i++) {
            (i % 2 == 0 ? a : b).record("realm", "client", "scanner", 1_000 + i);
        }

        assertThat(a.retryAfterSeconds("realm", "client", "scanner", 2_000)).isPositive();
        assertThat(b.retryAfterSeconds("realm", "client", "scanner", 2_000)).isPositive();
    }

    @Test
    void aFailureAfterTheWindowStartsANewOne() {
        FailedAttempts attempts = node(10);
        for (int i = 0; i < FailedAttempts.LIMIT_PER_WINDOW; i++) {
            attempts.record("realm", "client", "scanner", 1_000);
        }
        attempts.record("realm", "client", "scanner", 1_000 + FailedAttempts.WINDOW_MILLIS);

        assertThat(attempts.retryAfterSeconds("realm", "client", "scanner", 2_000 + FailedAttempts.WINDOW_MILLIS))
                .isZero();
    }

    @Test
    void pastItsLimitOfNewWindowsANodeCountsNewCallersInOneOverflowWindow() {
        FailedAttempts attempts = node(1_000);
        for (int i = 0; i < 50_000; i++) {
            attempts.record("realm", "client", "address-" + i, 1_000);
        }

        assertThat(shared.size()).as("1,000 callers and the overflow window").isEqualTo(1_001);
        assertThat(attempts.retryAfterSeconds("realm", "client", "address-49999", 1_000)).isPositive();
        assertThat(attempts.retryAfterSeconds("realm", "client", "address-1", 1_000)).as("tracked on its own")
                .isZero();
        assertThat(attempts.retryAfterSeconds("realm", "other client", "address-49999", 1_000)).isZero();
    }

    @Test
    void theLimitOfNewWindowsIsPerMinute() {
        FailedAttempts.NewWindows opened = new FailedAttempts.NewWindows(2);

        assertThat(opened.mayOpen(1_000)).isTrue();
        assertThat(opened.mayOpen(2_000)).isTrue();
        assertThat(opened.mayOpen(3_000)).isFalse();
        assertThat(opened.mayOpen(FailedAttempts.WINDOW_MILLIS)).isTrue();
    }
}
