package dev.tenancy.keycloak.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenancyExceptionTest {

    @Test
    void rateLimitedTellsWhenToTryAgainAtLeastOneSecondAhead() {
        assertThat(TenancyException.rateLimited("slow down", 42).retryAfterSeconds()).hasValue(42);
        assertThat(TenancyException.rateLimited("x", 0).retryAfterSeconds()).hasValue(1);
    }

    @Test
    void onlyRateLimitedFailuresCarryARetryTime() {
        assertThat(TenancyException.conflict("taken").retryAfterSeconds()).isEmpty();
        assertThat(TenancyException.conflict("taken").kind()).isEqualTo(TenancyException.Kind.CONFLICT);
    }
}
