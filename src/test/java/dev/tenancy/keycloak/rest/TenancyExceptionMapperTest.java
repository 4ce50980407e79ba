package dev.tenancy.keycloak.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.keycloak.error.TenancyException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TenancyExceptionMapperTest {

    @ParameterizedTest
    @CsvSource({"INVALID, 400", "UNAUTHENTICATED, 401", "FORBIDDEN, 403", "NOT_FOUND, 404", "CONFLICT, 409",
            "RATE_LIMITED, 429", "UNAVAILABLE, 503", "BROKEN, 500"})
    void eachKindOfFailureHasItsStatus(TenancyException.Kind kind, int status) {
        assertThat(TenancyExceptionMapper.status(kind).getStatusCode()).isEqualTo(status);
    }
}
