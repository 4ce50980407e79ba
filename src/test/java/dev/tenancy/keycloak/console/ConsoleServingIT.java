package dev.tenancy.keycloak.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.TestRealm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How the tenancy console is served and which client it signs in with, over plain HTTP. */
class ConsoleServingIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);

    private String console() {
        return realm.url() + "/tenancy/console/";
    }

    @Test
    void thePageForbidsInlineScriptAndFraming() {
        HttpResult page = Http.sendWithHeaders("GET", console(), null, Map.of("Accept", "text/html"));

        assertThat(page.status()).isEqualTo(200);
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "default-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.body()).contains("data-realm=\"" + realm.name() + "\"")
                .contains("/common/keycloak/vendor/patternfly-v5/patternfly.min.css");
        assertThat(INLINE_SCRIPT.matcher(page.body()).find()).as("inline script in " + page.body()).isFalse();
    }

    @Test
    void withoutTheSlashTheConsoleRedirectsToKeycloaksOwnAddress() {
        HttpResult answer = Http.sendWithHeaders("GET", realm.url() + "/tenancy/console", null,
                Map.of("X-Forwarded-Host", "evil.example"));

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).isEqualTo(realm.url() + "/tenancy/console/");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void modulesAreServedWithTheirTypeAndRevalidatedByETag() {
        HttpResult app = Http.get(console() + "app.js", null);
        HttpResult litHtml = Http.get(console() + "vendor/lit-html/lit-html.js", null);

        assertThat(app.status()).isEqualTo(200);
        assertThat(app.header("Content-Type")).startsWith("text/javascript");
        assertThat(app.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(app.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(litHtml.status()).isEqualTo(200);
        HttpResult again = Http.sendWithHeaders("GET", console() + "app.js", null, Map.of("If-None-Match", app.header("ETag")));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "../../META-INF/keycloak-themes.json", "%2e%2e/%2e%2e/META-INF/tenancy-changelog.xml",
            "vendor/lit-html/LICENSE", "App.js", "nothing-here.js", "pages/../app.js", "theme/tenancy/login/theme.properties"})
    void nothingElseIsServed(String path) {
        // Paths with dot segments Keycloak's HTTP layer refuses (400) before any resource sees them.
        HttpResult answer = Http.get(console() + path, null);

        assertThat(answer.status()).as(path).isIn(400, 404);
        assertThat(answer.body()).as(path).doesNotContain("databaseChangeLog", "\"themes\"", "import {", "<!doctype");
    }

    @Test
    void everyRealmHasAPublicConsoleClientWithPkceAndTheTenancyScope() {
        JsonNode client = Http.get(realm.adminUrl() + "/clients?clientId=tenancy-console", realm.adminToken()).json().get(0);

        assertThat(client.path("publicClient").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("fullScopeAllowed").asBoolean()).isFalse();
        assertThat(client.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(texts(client.path("redirectUris"))).containsExactly("/realms/" + realm.name() + "/tenancy/console/*");
        assertThat(texts(client.path("defaultClientScopes"))).contains("tenancy");
        assertThat(client.path("alwaysDisplayInConsole").asBoolean()).isTrue();

        JsonNode scope = Http.get(realm.adminUrl() + "/clients/" + client.path("id").asText() + "/scope-mappings",
                realm.adminToken()).json();
        List<String> adminRoles = new ArrayList<>();
        scope.path("clientMappings").path("realm-management").path("mappings")
                .forEach(role -> adminRoles.add(role.path("name").asText()));
        assertThat(adminRoles).containsExactlyInAnyOrder("view-realm", "manage-realm", "view-organizations",
                "manage-organizations", "query-organizations", "query-groups", "view-users", "manage-users");
        assertThat(scope.path("realmMappings")).isEmpty();
    }

    @Test
    void theAdminRealmHasNoConsoleClient() {
        HttpResult master = Http.get(realm.server().baseUrl() + "/admin/realms/master/clients?clientId=tenancy-console",
                realm.adminToken());

        assertThat(master.json()).isEmpty();
    }

    @Test
    void theAccountConsoleListsTheConsoleUnderApplications() {
        realm.createUser("lena");
        HttpResult applications = Http.get(realm.url() + "/account/applications", realm.userToken("lena"));

        assertThat(applications.status()).isEqualTo(200);
        List<String> listed = new ArrayList<>();
        applications.json().forEach(app -> listed.add(app.path("clientId").asText()));
        assertThat(listed).contains("tenancy-console");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
