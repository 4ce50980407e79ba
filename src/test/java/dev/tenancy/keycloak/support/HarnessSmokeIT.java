package dev.tenancy.keycloak.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Proves the harness itself: a ready server, a fresh realm, tokens, JDBC access, log capture and restarts. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HarnessSmokeIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    @Test
    @Order(1)
    void serverIsReady() {
        HttpResult ready = Http.get(realm.server().managementUrl() + "/health/ready", null);

        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    @Order(2)
    void realmExistsWithOrganizationsEnabled() {
        HttpResult representation = Http.get(realm.adminUrl(), realm.adminToken());

        assertThat(realm.name()).startsWith("t-harnesssmokeit-").hasSize("t-harnesssmokeit-".length() + 6);
        assertThat(representation.status()).isEqualTo(200);
        assertThat(representation.json().path("organizationsEnabled").asBoolean()).isTrue();
        assertThat(realm.clientUuid(TestRealm.TEST_CLIENT)).isNotBlank();
    }

    @Test
    @Order(3)
    void createdUserGetsATokenAndTheQueriesAreLogged() {
        long mark = realm.server().logMark();
        String userId = realm.createUser("alice");
        String token = realm.userToken("alice");

        JsonNode claims = TestRealm.decodeClaims(token);
        assertThat(claims.path("iss").asText()).isEqualTo(realm.url());
        assertThat(claims.path("sub").asText()).isEqualTo(userId);
        assertThat(claims.path("preferred_username").asText()).isEqualTo("alice");
        assertThat(claims.path("email").asText()).isEqualTo("alice@example.com");
        assertThat(realm.server().logSince(mark)).contains("[org.hibernate.SQL]");
    }

    @Test
    @Order(4)
    void serviceClientGetsATokenWithItsSecret() {
        HttpResult response = Http.postForm(realm.tokenUrl(), Map.of("grant_type", "client_credentials"),
                TestRealm.SERVICE_CLIENT + ":" + TestRealm.SERVICE_SECRET);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(TestRealm.decodeClaims(response.json().path("access_token").asText()).path("azp").asText())
                .isEqualTo(TestRealm.SERVICE_CLIENT);
    }

    @Test
    @Order(5)
    void schemaIsReadableOverJdbcWhileKeycloakRuns() throws Exception {
        try (Connection connection = realm.server().database().openJdbc();
             PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM REALM WHERE NAME = ?")) {
            query.setString(1, realm.name());
            try (ResultSet result = query.executeQuery()) {
                assertThat(result.next()).isTrue();
                assertThat(result.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    @Order(6)
    void restartKeepsTheRealmAndItsUsers() {
        realm.createUser("bob");

        realm.server().restart();

        assertThat(Http.get(realm.adminUrl(), realm.adminToken()).status()).isEqualTo(200);
        assertThat(TestRealm.decodeClaims(realm.userToken("bob")).path("preferred_username").asText()).isEqualTo("bob");
    }
}
