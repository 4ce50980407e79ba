package dev.tenancy.keycloak.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In a realm that requires SSL for every address, the endpoints that receive secrets refuse plain HTTP
 * before reading them, as Keycloak's own login and token endpoints do. (Other tests run in realms with
 * the default "external requests", where localhost may use HTTP.)
 */
class HttpsRequirementIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    @BeforeAll
    static void requireSslEverywhere() {
        TenancyApi.expect(204, Http.put(realm.adminUrl(), realm.adminToken(), Json.object().put("sslRequired", "all")),
                "require SSL for all requests");
    }

    @Test
    void apiKeyIntrospectionRefusesPlainHttp() {
        HttpResult answer = Http.postForm(realm.url() + "/tenancy/api-keys/introspect",
                Map.of("token", "tnc_whatever"), TestRealm.SERVICE_CLIENT + ":" + TestRealm.SERVICE_SECRET);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().path("error_description").asText()).isEqualTo("HTTPS required");
    }

    @Test
    void apiKeyIntrospectionAtKeycloaksEndpointRefusesPlainHttp() {
        HttpResult answer = Http.postForm(realm.tokenUrl() + "/introspect",
                Map.of("token", "tnc_whatever", "token_type_hint", "api_key"),
                TestRealm.SERVICE_CLIENT + ":" + TestRealm.SERVICE_SECRET);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().path("error_description").asText()).isEqualTo("HTTPS required");
    }

    @Test
    void theSelfServiceApiRefusesPlainHttpBeforeLookingAtTheToken() {
        HttpResult answer = Http.post(realm.url() + "/tenancy/me/api-keys", "not-even-a-token",
                "{\"name\": \"k\"}");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().path("errorMessage").asText()).isEqualTo("HTTPS required");
    }

    @Test
    void invitationPagesRefusePlainHttp() {
        HttpResult page = Http.get(realm.url() + "/tenancy/invitation?token=" + "A".repeat(43), null);
        HttpResult form = Http.postForm(realm.url() + "/tenancy/invitation",
                Map.of("token", "A".repeat(43), "action", "decline"), null);

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("HTTPS required");
        assertThat(form.status()).isEqualTo(403);
    }
}
