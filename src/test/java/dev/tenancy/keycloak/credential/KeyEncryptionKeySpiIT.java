package dev.tenancy.keycloak.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.TestRealm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The key-encryption-key SPI loads in the real server and reports, in server info, that no KEK is set. */
class KeyEncryptionKeySpiIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    @Test
    void theConfigProviderIsListedAndSaysItIsNotConfigured() {
        JsonNode info = Http.get(realm.server().baseUrl() + "/admin/serverinfo", realm.adminToken()).json();

        JsonNode provider = info.path("providers").path("tenancy-kek").path("providers").path("config");
        assertThat(provider.isMissingNode()).as("tenancy-kek/config in server info").isFalse();
        assertThat(provider.path("operationalInfo").path("configured").asText()).isEqualTo("false");
    }
}
