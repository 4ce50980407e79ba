package dev.tenancy.keycloak.credential.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskedValueTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "sk_live_0123456789abcd|••••••••abcd",
        "123456789012|••••••••9012",
        "12345678901|••••••••",
        "short|••••••••",
        "''|••••••••",
        "NULL|••••••••",
    })
    void showsTheLastFourOfLongSecretsOnly(String secret, String masked) {
        assertThat(MaskedValue.of(secret)).isEqualTo(masked);
    }
}
