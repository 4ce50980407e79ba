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
            assertThat(attempts.retryAfterSeconds("realm", "client", "203.0.113.7", 1_000)).isZero();
            attempts.record("realm", "client", "203.0.113.7", 1_000);
        }

        assertThat(attempts.retryAfterSeconds("realm", "client", "203.0.113.7", 1_000)).isEqualTo(60);
        assertThat(attempts.retryAfterSeconds("realm", "client", "203.0.113.7", 31_000)).isEqualTo(30);
        assertThat(attempts.retryAfterSeconds("realm", "client", "203.0.113.7", 1_000 + FailedAttempts.WINDOW_MILLIS))
                .isZero();
        assertThat(attempts.retryAfterSeconds("realm", "client", "203.0.113.8", 1_000)).isZero();
        assertThat(attempts.retryAfterSeconds("realm", "other client", "203.0.113.7", 1_000)).isZero();
    }

    @Test
    void failuresOnTwoNodesCountInOneWindow() {
        FailedAttempts a = node(10);
        FailedAttempts b = node(10);
        for (int i = 0; i < FailedAttempts.LIMIT_PER_WINDOW; i++) {
            (i % 2 == 0 ? a : b).record("realm", "client", "203.0.113.7", 1_000 + i);
        }

        assertThat(a.retryAfterSeconds("realm", "client", "203.0.113.7", 2_000)).isPositive();
        assertThat(b.retryAfterSeconds("realm", "client", "203.0.113.7", 2_000)).isPositive();
    }

    @Test
    void aFailureAfterTheWindowStartsANewOne() {
        FailedAttempts attempts = node(10);
        for (int i = 0; i < FailedAttempts.LIMIT_PER_WINDOW; i++) {
            attempts.record("realm", "client", "203.0.113.7", 1_000);
        }
        attempts.record("realm", "client", "203.0.113.7", 1_000 + FailedAttempts.WINDOW_MILLIS);

        assertThat(attempts.retryAfterSeconds("realm", "client", "203.0.113.7", 2_000 + FailedAttempts.WINDOW_MILLIS))
                .isZero();
    }

    @Test
    void pastItsLimitOfNewWindowsANodeCountsNewCallersInOneOverflowWindow() {
        FailedAttempts attempts = node(1_000);
        for (int i = 0; i < 50_000; i++) {
            attempts.record("realm", "client", "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), 1_000);
        }

        assertThat(shared.size()).as("1,000 callers and the overflow window").isEqualTo(1_001);
        assertThat(attempts.retryAfterSeconds("realm", "client", "10.0.195.79", 1_000)).isPositive();
        assertThat(attempts.retryAfterSeconds("realm", "client", "10.0.0.1", 1_000)).as("tracked on its own")
                .isZero();
        assertThat(attempts.retryAfterSeconds("realm", "other client", "10.0.195.79", 1_000)).isZero();
    }

    @Test
    void theLimitOfNewWindowsIsPerMinute() {
        FailedAttempts.NewWindows opened = new FailedAttempts.NewWindows(2);

        assertThat(opened.mayOpen(1_000)).isTrue();
        assertThat(opened.mayOpen(2_000)).isTrue();
        assertThat(opened.mayOpen(3_000)).isFalse();
        assertThat(opened.mayOpen(FailedAttempts.WINDOW_MILLIS)).isTrue();
    }

    @Test
    void anIpv4AddressIsItsOwnCallerAnIpv6AddressItsSlash64AndAnythingElseOneSharedCaller() {
        assertThat(FailedAttempts.callerAddress("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(FailedAttempts.callerAddress("2001:db8:1:2:aaaa::1"))
                .isEqualTo(FailedAttempts.callerAddress("[2001:db8:1:2:ffff:ffff:ffff:ffff]"))
                .isEqualTo("20010db800010002::/64");
        assertThat(FailedAttempts.callerAddress("2001:db8:1:3::1")).isNotEqualTo(
                FailedAttempts.callerAddress("2001:db8:1:2::1"));
        assertThat(FailedAttempts.callerAddress("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        for (String madeUp : new String[] {"scanner", "999.1.1.1", "1.2.3.4.5", "x".repeat(20_000), "::zz", "", null,
                "example.com", "1:2:3:4:5:6:7:8:9"}) {
            assertThat(FailedAttempts.callerAddress(madeUp)).as(String.valueOf(madeUp).length() > 40 ? "long" : madeUp)
                    .isEqualTo("?");
        }
    }

    @Test
    void madeUpAddressesShareOneWindow() {
        FailedAttempts attempts = node(1_000);
        for (int i = 0; i < FailedAttempts.LIMIT_PER_WINDOW; i++) {
            attempts.record("realm", "client", "forged-" + i, 1_000);
        }

        assertThat(attempts.retryAfterSeconds("realm", "client", "forged-new", 1_000)).isPositive();
        assertThat(attempts.retryAfterSeconds("realm", "client", "203.0.113.7", 1_000)).isZero();
    }

    @Test
    void aWindowWrittenInAnotherFormatReadsAsNone() {
        shared.putIfAbsent("tenancy-apikey-failures::realm\nclient\n203.0.113.7", "v2;1000;30", 60_000);

        assertThat(node(10).retryAfterSeconds("realm", "client", "203.0.113.7", 1_000)).isZero();
    }
}
