package dev.tenancy.keycloak.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code TenancyCredentialStore} used by another extension in its own jar (the test probe, see
 * {@code support.probe}): the REST APIs' access rules, empty for missing and deactivated credentials, the
 * masked form from {@code find}, and a reveal event naming the reader and the client.
 */
class CredentialSpiIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static TenancyApi tenancy;
    private static String acme;
    private static String olga;
    private static String keeper;

    @BeforeAll
    static void setUp() {
        tenancy = new TenancyApi(realm);
        TenancyApi.expect(204, Http.put(realm.adminUrl(), realm.adminToken(), Json.object()
                .put("adminEventsEnabled", true).put("adminEventsDetailsEnabled", true)), "enable admin events");
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-credentials"]}, "member": {}}, "modules": {}}
                """);
        acme = tenancy.createTenant("acme");
        olga = realm.createUser("olga");
        tenancy.setRoles(acme, olga, "member");
        keeper = realm.createUser("keeper");
        tenancy.setRoles(acme, keeper, "admin");
        realm.grantRealmManagementRole(realm.createUser("boss"), "manage-realm");
        realm.createUser("peter");

        store(tenancy.selfService() + "/me/credentials", realm.userToken("olga"), "{}", "github", "olga-token-value-1234");
        store(tenancy.selfService() + "/tenants/" + acme + "/credentials", realm.userToken("keeper"), "{}", "smtp",
                "acme-smtp-password");
        store(tenancy.adminApi() + "/credentials", realm.adminToken(), "SYSTEM", "smtp", "system-smtp-password");
    }

    private static void store(String url, String token, String scope, String provider, String value) {
        var body = Json.object().put("name", "main").put("provider", provider).put("type", "SECRET").put("value", value);
        if ("SYSTEM".equals(scope)) {
            body.put("scope", "SYSTEM");
        }
        TenancyApi.expect(201, Http.post(url, token, body), "store " + value);
    }

    private static HttpResult reveal(String reader, String scope, String owner, String provider, String name) {
        return Http.get(realm.url() + "/tenancy-probe/reveal?reader=" + reader + "&client=" + TestRealm.TEST_CLIENT
                + "&scope=" + scope + "&owner=" + (owner == null ? "" : owner) + "&provider=" + provider
                + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8), null);
    }

    @Test
    void theRestRulesDecideWhoReadsWhat() {
        assertThat(reveal("olga", "USER", olga, "github", "main").json().path("value").asText())
                .isEqualTo("olga-token-value-1234");
        assertThat(reveal("boss", "USER", olga, "github", "main").json().path("value").asText())
                .as("a realm admin").isEqualTo("olga-token-value-1234");
        assertThat(reveal("peter", "USER", olga, "github", "main").status()).as("another user").isEqualTo(403);

        assertThat(reveal("keeper", "TENANT", acme, "smtp", "main").json().path("value").asText())
                .isEqualTo("acme-smtp-password");
        assertThat(reveal("olga", "TENANT", acme, "smtp", "main").status()).as("member without the permission")
                .isEqualTo(403);
        assertThat(reveal("peter", "TENANT", acme, "smtp", "main").status()).as("not a member").isEqualTo(403);

        assertThat(reveal("boss", "SYSTEM", null, "smtp", "main").json().path("value").asText())
                .isEqualTo("system-smtp-password");
        HttpResult refused = reveal("keeper", "SYSTEM", null, "smtp", "main");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("system-smtp-password");
    }

    @Test
    void aBackgroundJobWithoutARequestReadsToo() {
        HttpResult revealed = Http.get(realm.url() + "/tenancy-probe/reveal-in-background?reader=keeper&client="
                + TestRealm.TEST_CLIENT + "&scope=TENANT&owner=" + acme + "&provider=smtp&name=main", null);

        TenancyApi.expect(200, revealed, "reveal from a job");
        assertThat(revealed.json().path("value").asText()).isEqualTo("acme-smtp-password");
    }

    @Test
    void missingAndDeactivatedCredentialsAreEmptyAndFindIsMasked() {
        assertThat(reveal("olga", "USER", olga, "github", "no-such").status()).isEqualTo(404);
        assertThat(reveal("olga", "USER", olga, "github", "MAIN").json().path("value").asText())
                .as("names are found whatever their case").isEqualTo("olga-token-value-1234");

        JsonNode found = Http.get(realm.url() + "/tenancy-probe/find?reader=olga&scope=USER&owner=" + olga
                + "&provider=github&name=main", null).json();
        assertThat(found.path("maskedValue").asText()).isEqualTo("••••••••1234");
        assertThat(found.toString()).doesNotContain("olga-token-value");

        store(tenancy.selfService() + "/me/credentials", realm.userToken("olga"), "{}", "gitlab", "soon-inactive");
        String id = Http.get(tenancy.selfService() + "/me/credentials?provider=gitlab", realm.userToken("olga"))
                .json().path(0).path("id").asText();
        TenancyApi.expect(200, Http.put(tenancy.selfService() + "/me/credentials/" + id, realm.userToken("olga"),
                "{\"active\": false}"), "deactivate");
        assertThat(reveal("olga", "USER", olga, "gitlab", "main").status()).isEqualTo(404);
    }

    @Test
    void aRevealThroughTheSpiIsAnEventNamingReaderAndClient() {
        reveal("keeper", "TENANT", acme, "smtp", "main");

        JsonNode events = Http.get(realm.adminUrl() + "/admin-events?max=1000", realm.adminToken()).json();
        String client = realm.clientUuid(TestRealm.TEST_CLIENT);
        boolean seen = false;
        for (JsonNode event : events) {
            if ("TENANCY_CREDENTIAL".equals(event.path("resourceType").asText())
                    && event.path("resourcePath").asText().endsWith("/reveal")
                    && keeper.equals(event.path("authDetails").path("userId").asText())) {
                assertThat(event.path("authDetails").path("clientId").asText()).isEqualTo(client);
                assertThat(event.path("representation").asText()).doesNotContain("acme-smtp-password");
                seen = true;
            }
        }
        assertThat(seen).as("a reveal event by keeper").isTrue();
    }
}
