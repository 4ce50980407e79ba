package dev.tenancy.keycloak.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.keycloak.error.TenancyException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class InvitationInputTest {

    private static InvitationInput read(String json) {
        return InvitationInput.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheDocumentedShapeWithLowerCaseEmail() {
        InvitationInput input = read("""
                {"email": " Ann@Example.COM ", "roles": ["admin", "member", "admin"], "groups": ["/support"],
                 "lifespanSeconds": 3600, "sendEmail": false, "locale": "de",
                 "clientId": "app", "redirectUri": "https://app.example/after"}
                """);

        assertThat(input.email()).isEqualTo("ann@example.com");
        assertThat(input.roles()).containsExactly("admin", "member");
        assertThat(input.groupPaths()).containsExactly("/support");
        assertThat(input.lifespanSeconds()).contains(3600L);
        assertThat(input.sendEmail()).isFalse();
        assertThat(input.locale()).contains("de");
        assertThat(input.clientId()).contains("app");
        assertThat(input.redirectUri()).contains("https://app.example/after");
    }

    @Test
    void onlyTheEmailIsRequired() {
        InvitationInput input = read("{\"email\": \"a@example.com\"}");

        assertThat(input.roles()).isEmpty();
        assertThat(input.groupPaths()).isEmpty();
        assertThat(input.lifespanSeconds()).isEmpty();
        assertThat(input.sendEmail()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}|'email' is required",
        "{\"email\": \"nobody\"}|'email' is not a valid email address",
        "{\"email\": \"a@example.com\", \"roles\": [\"Admin\"]}|'roles' has an invalid entry",
        "{\"email\": \"a@example.com\", \"groups\": [\"support\"]}|'groups' has an invalid entry",
        "{\"email\": \"a@example.com\", \"lifespanSeconds\": 59}|'lifespanSeconds' must be between",
        "{\"email\": \"a@example.com\", \"lifespanSeconds\": 2592001}|'lifespanSeconds' must be between",
        "{\"email\": \"a@example.com\", \"locale\": \"de_DE!\"}|'locale' must be a language tag",
        "{\"email\": \"a@example.com\", \"redirectUri\": \"https://x\"}|'redirectUri' needs 'clientId'",
        "{\"email\": \"a@example.com\", \"link\": \"x\"}|Unknown field 'link'",
    })
    void mistakesNameTheField(String json, String message) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(TenancyException.class).hasMessageContaining(message);
    }

    @Test
    void aResendBodyIsOptional() {
        assertThat(InvitationInput.readSendEmail(null)).isTrue();
        assertThat(InvitationInput.readSendEmail(" ".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(InvitationInput.readSendEmail("{\"sendEmail\": false}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThatThrownBy(() -> InvitationInput.readSendEmail("{\"email\": \"x\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("Unknown field 'email'");
    }
}
