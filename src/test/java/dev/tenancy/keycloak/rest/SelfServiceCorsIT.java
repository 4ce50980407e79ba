package dev.tenancy.keycloak.rest;

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
 * A single-page app on the SaaS's own origin calls the self-service API: preflights and calls from a Web
 * Origin of its client carry CORS headers, a foreign origin's do not.
 */
class SelfServiceCorsIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static final String APP = "https://app.example.com";
    private static final String EVIL = "https://evil.example.net";
    private static TenancyApi tenancy;
    private static String acme;
    private static String globex;
    private static String token;

    @BeforeAll
    static void setUp() {
        tenancy = new TenancyApi(realm);
        acme = tenancy.createTenant("acme");
        globex = tenancy.createTenant("globex");
        tenancy.setRoles(acme, realm.createUser("spa-user"), "admin");
        var spa = Json.object().put("clientId", "spa").put("publicClient", true).put("directAccessGrantsEnabled", true);
        spa.putArray("redirectUris").add(APP + "/*");
        spa.putArray("webOrigins").add(APP);
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/clients", realm.adminToken(), spa), "create spa");
        realm.addDefaultScope("spa", TestRealm.TENANCY_SCOPE);
        HttpResult issued = Http.postForm(realm.tokenUrl(), Map.of("grant_type", "password", "client_id", "spa",
                "username", "spa-user", "password", "spa-user"), null);
        TenancyApi.expect(200, issued, "token of the spa");
        token = issued.json().path("access_token").asText();
    }

    private static HttpResult preflight(String path, String origin, String method) {
        return Http.sendWithHeaders("OPTIONS", tenancy.selfService() + path, null, Map.of("Origin", origin,
                "Access-Control-Request-Method", method, "Access-Control-Request-Headers", "authorization"));
    }

    private static HttpResult call(String method, String path, String origin) {
        return Http.sendWithHeaders(method, tenancy.selfService() + path, token, Map.of("Origin", origin));
    }

    @Test
    void aPreflightFromTheAppsOriginIsAnswered() {
        for (String path : new String[] {"/me/tenants", "/tenants/" + acme + "/members", "/me/api-keys",
                "/me/credentials/some-id/reveal"}) {
            HttpResult answer = preflight(path, APP, "PUT");

            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.header("Access-Control-Allow-Origin")).as(path).isEqualTo(APP);
            assertThat(answer.header("Access-Control-Allow-Methods")).as(path).contains("PUT", "DELETE");
            assertThat(answer.header("Access-Control-Allow-Headers")).as(path).containsIgnoringCase("authorization");
        }
    }

    @Test
    void aPreflightFromAForeignOriginGetsNoCorsHeaders() {
        HttpResult answer = preflight("/tenants/" + acme + "/members", EVIL, "DELETE");

        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
        assertThat(answer.header("Access-Control-Allow-Methods")).isNull();
    }

    @Test
    void aCallFromTheAppsOriginCarriesTheHeadersAlsoWhenRefused() {
        HttpResult mine = call("GET", "/me/tenants", APP);
        HttpResult refused = call("GET", "/tenants/" + globex + "/members", APP);

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(mine.header("Access-Control-Expose-Headers")).contains("Location");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).as("the app can read why").isEqualTo(APP);
    }

    @Test
    void aCallFromAForeignOriginGetsNoCorsHeaders() {
        HttpResult foreign = call("GET", "/me/tenants", EVIL);

        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
        assertThat(foreign.body()).doesNotContain("acme");
    }

    @Test
    void invitationPagesAndIntrospectionAreNotOpenedToOtherOrigins() {
        HttpResult introspect = preflight("/api-keys/introspect", APP, "POST");
        HttpResult standard = Http.sendWithHeaders("OPTIONS", realm.tokenUrl() + "/introspect", null, Map.of(
                "Origin", APP, "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers",
                "authorization"));

        assertThat(introspect.header("Access-Control-Allow-Origin")).isNull();
        assertThat(standard.header("Access-Control-Allow-Origin")).as("Keycloak's endpoint, hint api_key").isNull();
    }
}
