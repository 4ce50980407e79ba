package dev.tenancy.keycloak.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenancy.keycloak.error.TenancyException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialInputTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static byte[] body(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aStringValueIsKeptExactlyAsSent() {
        CredentialInput.Create create = CredentialInput.create(body(
                "{\"name\": \" relay \", \"provider\": \"smtp\", \"type\": \"PASSWORD\", \"value\": \"  pass word  \"}"));

        assertThat(create.name()).isEqualTo("relay");
        assertThat(create.value().text()).isEqualTo("  pass word  ");
        assertThat(new String(create.value().plaintext(), StandardCharsets.UTF_8)).isEqualTo("  pass word  ");
        assertThat(create.value().toString()).doesNotContain("pass word");
    }

    @Test
    void anOAuthTokenIsNormalisedAndMaskedByItsAccessToken() throws Exception {
        CredentialInput.Create create = CredentialInput.create(body("""
                {"name": "gh", "provider": "github", "type": "OAUTH_TOKEN",
                 "value": {"accessToken": "gho_abcdefghijkl1234", "expiresAt": "2031-05-01T00:00:00.000Z",
                           "scopes": ["repo"]}}
                """));

        JsonNode sealed = MAPPER.readTree(create.value().text());
        assertThat(sealed.path("expiresAt").asText()).isEqualTo("2031-05-01T00:00:00Z");
        assertThat(sealed.has("refreshToken")).isFalse();
        assertThat(create.value().masked()).isEqualTo("••••••••1234");
        CredentialValue opened = CredentialValue.opened(CredentialType.OAUTH_TOKEN, create.value().plaintext());
        assertThat(opened.revealed()).isEqualTo(sealed);
    }

    @Test
    void theAdminNamesTheOwnerExceptForSystemCredentials() {
        String common = "\"name\": \"n\", \"provider\": \"p\", \"type\": \"SECRET\", \"value\": \"v\"";

        CredentialInput.Owned user = CredentialInput.createOwned(body("{" + common + ", \"scope\": \"USER\", \"ownerId\": \"u-1\"}"));
        CredentialInput.Owned system = CredentialInput.createOwned(body("{" + common + ", \"scope\": \"SYSTEM\"}"));

        assertThat(user.ownerId()).contains("u-1");
        assertThat(system.ownerId()).isEmpty();
        assertThatThrownBy(() -> CredentialInput.createOwned(body("{" + common + ", \"scope\": \"TENANT\"}")))
                .isInstanceOf(TenancyException.class).hasMessageContaining("'ownerId' is required for scope TENANT");
    }

    @Test
    void anUpdateTellsClearingFromLeavingAlone() {
        CredentialInput.Update update = CredentialInput.update(body(
                "{\"description\": null, \"expiresAt\": \"2030-01-01T00:00:00Z\", \"active\": false}"),
                CredentialType.SECRET);

        assertThat(update.value()).isEmpty();
        assertThat(update.description().description()).contains(Optional.empty());
        assertThat(update.description().metadata()).isEmpty();
        assertThat(update.description().expiresAt())
                .contains(Optional.of(Instant.parse("2030-01-01T00:00:00Z").toEpochMilli()));
        assertThat(update.active()).contains(false);
    }

    @Test
    void aValueWithNulCharactersOrOfTheWrongShapeIsRefused() {
        assertThatThrownBy(() -> CredentialInput.update(body("{\"value\": \"a\\u0000b\"}"), CredentialType.SECRET))
                .isInstanceOf(TenancyException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> CredentialInput.update(body("{\"value\": null}"), CredentialType.SECRET))
                .isInstanceOf(TenancyException.class).hasMessageContaining("'value' is required");
        assertThatThrownBy(() -> CredentialInput.update(body("{\"value\": \"token\"}"), CredentialType.OAUTH_TOKEN))
                .isInstanceOf(TenancyException.class).hasMessageContaining("must be an object");
    }

    @Test
    void aRenameOrAnotherProviderOrTypeIsRefusedBeforeAnythingIsSealed() {
        for (String field : new String[] {"name", "provider", "type"}) {
            assertThatThrownBy(() -> CredentialInput.update(body("{\"" + field + "\": \"other\", \"value\": \"v\"}"),
                    CredentialType.SECRET))
                    .isInstanceOf(TenancyException.class)
                    .hasMessageContaining("Field '" + field + "' cannot be changed")
                    .hasMessageContaining("store a new credential");
        }
    }
}
