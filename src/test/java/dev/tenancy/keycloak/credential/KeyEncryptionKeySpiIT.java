package dev.tenancy.keycloak.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.TestKeys;
import dev.tenancy.keycloak.support.TestRealm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The key-encryption-key SPI loads in the real server and reports, in server info, the test server's KEK versions. */
class KeyEncryptionKeySpiIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    @Test
    void theConfigProviderIsListedWithItsPrimaryAndMinimumVersions() {
        JsonNode info = Http.get(realm.server().baseUrl() + "/admin/serverinfo", realm.adminToken()).json();

        JsonNode provider = info.path("providers").path("tenancy-kek").path("providers").path("config");
        assertThat(provider.isMissingNode()).as("tenancy-kek/config in server info").isFalse();
        JsonNode operational = provider.path("operationalInfo");
        assertThat(operational.path("configured").asText()).isEqualTo("true");
        assertThat(operational.path("primaryVersion").asText()).isEqualTo("1");
        assertThat(operational.path("minimumVersion").asText()).isEqualTo("1");
        assertThat(operational.toString()).doesNotContain(TestKeys.VERSION_1).doesNotContain(TestKeys.VERSION_2);
    }
}
