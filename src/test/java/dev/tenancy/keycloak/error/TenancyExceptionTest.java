package dev.tenancy.keycloak.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenancyExceptionTest {

    @Test
    void tooManyRequestsIs429WithRetryAfterOfAtLeastOneSecond() {
        TenancyException limited = TenancyException.tooManyRequests("slow down", 42);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.getResponse().getHeaderString("Retry-After")).isEqualTo("42");
        assertThat(TenancyException.tooManyRequests("x", 0).getResponse().getHeaderString("Retry-After"))
                .isEqualTo("1");
    }
}
