package dev.tenancy.keycloak.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import dev.tenancy.keycloak.support.browser.Browser;
import dev.tenancy.keycloak.support.browser.Console;
import dev.tenancy.keycloak.support.browser.ConsoleCredentialsPage;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's credentials page in Chromium: a tenant admin reads a tenant credential only through the audited
 * reveal (and the admin event names them), lists show values masked, the create form stores an OAuth token and
 * shows the server's refusal in the form; a plain member has only their own credentials.
 */
@Tag("browser")
class ConsoleCredentialsIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static TenancyApi tenancy;
    private static Browser browser;
    private static String tenantId;
    private static String keeperId;

    @BeforeAll
    static void aTenantWithACredentialKeeperAndAPlainMember() {
        tenancy = new TenancyApi(realm);
        TenancyApi.expect(204, Http.put(realm.adminUrl(), realm.adminToken(), Json.object()
                .put("adminEventsEnabled", true).put("adminEventsDetailsEnabled", true)), "enable admin events");
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-credentials", "view-members"]},
                           "member": {"permissions": ["view-members"]}},
                 "modules": {}}
                """);
        tenantId = tenancy.createTenant("acme");
        keeperId = realm.createUser("keeper");
        tenancy.setRoles(tenantId, keeperId, "admin");
        tenancy.setRoles(tenantId, realm.createUser("plain"), "member");
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static String tenantCredentials() {
        return tenancy.selfService() + "/tenants/" + tenantId + "/credentials";
    }

    @Test
    void aTenantAdminRevealsATenantCredentialAfterTheAuditedReadNotice() {
        String value = "smtp-" + UUID.randomUUID();
        HttpResult created = Http.post(tenantCredentials(), realm.userToken("keeper"), Json.object()
                .put("name", "outgoing").put("provider", "smtp").put("type", "PASSWORD").put("value", value)
                .put("description", "Mail relay"));
        TenancyApi.expect(201, created, "create a tenant credential");
        String id = created.json().path("id").asText();

        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "keeper", "keeper");
        assertThat(console.go("credentials")).isEqualTo("Credentials");
        ConsoleCredentialsPage credentials = new ConsoleCredentialsPage(console).tenantTab();
        console.screenshot("credentials");

        assertThat(credentials.masked("outgoing")).isEqualTo("••••••••" + value.substring(value.length() - 4));
        assertThat(browser.driver().getPageSource()).doesNotContain(value);
        assertThat(credentials.openReveal("outgoing")).contains("audited").contains("names you").doesNotContain(value);
        console.screenshot("credential-reveal-confirm");

        assertThat(credentials.confirmReveal()).isEqualTo(value);
        console.screenshot("credential-reveal");
        credentials.closeReveal();

        assertThat(browser.driver().getPageSource()).as("the value is dropped with the dialog").doesNotContain(value);
        JsonNode events = Http.get(realm.adminUrl() + "/admin-events?max=1000", realm.adminToken()).json();
        assertThat(events).anySatisfy(event -> {
            assertThat(event.path("operationType").asText()).isEqualTo("ACTION");
            assertThat(event.path("resourcePath").asText()).isEqualTo("tenancy/credentials/" + id + "/reveal");
            assertThat(event.path("authDetails").path("userId").asText()).isEqualTo(keeperId);
        });
    }

    @Test
    void anOAuthTokenMadeInTheFormIsStoredWholeAndListedMasked() {
        String access = "gho_" + UUID.randomUUID().toString().replace("-", "");
        String refresh = "ghr_" + UUID.randomUUID().toString().replace("-", "");
        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "keeper", "keeper");
        console.go("credentials");
        ConsoleCredentialsPage credentials = new ConsoleCredentialsPage(console).tenantTab();

        credentials.submitOAuthToken("github app", "github", access, refresh, "repo read:org");
        credentials.awaitCreated("github app");

        assertThat(credentials.masked("github app")).isEqualTo("••••••••" + access.substring(access.length() - 4));
        JsonNode stored = Http.get(tenantCredentials(), realm.userToken("keeper")).json();
        String id = null;
        for (JsonNode credential : stored) {
            if ("github app".equals(credential.path("name").asText())) {
                assertThat(credential.path("type").asText()).isEqualTo("OAUTH_TOKEN");
                id = credential.path("id").asText();
            }
        }
        assertThat(id).as("stored for the tenant").isNotNull();
        JsonNode token = Http.post(tenantCredentials() + "/" + id + "/reveal", realm.userToken("keeper"), null)
                .json().path("value");
        assertThat(token.path("accessToken").asText()).isEqualTo(access);
        assertThat(token.path("refreshToken").asText()).isEqualTo(refresh);
        assertThat(Json.texts(token.path("scopes"))).containsExactly("repo", "read:org");

        credentials.submitOAuthToken("GitHub App", "github", access, refresh, "");
        assertThat(credentials.createError()).as("the server's reason, in the form").contains("exists already");
    }

    @Test
    void aTenantAdminGivesANewValueThenDeactivatesAndDeletes() {
        HttpResult created = Http.post(tenantCredentials(), realm.userToken("keeper"), Json.object()
                .put("name", "stripe").put("provider", "stripe.com").put("type", "API_KEY").put("value", "sk_old_0000000"));
        TenancyApi.expect(201, created, "create a tenant credential");
        String url = tenantCredentials() + "/" + created.json().path("id").asText();
        String fresh = "sk_new_" + UUID.randomUUID();
        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "keeper", "keeper");
        console.go("credentials");
        ConsoleCredentialsPage credentials = new ConsoleCredentialsPage(console).tenantTab();

        credentials.rotate("stripe", fresh);

        assertThat(credentials.masked("stripe")).endsWith(fresh.substring(fresh.length() - 4));
        assertThat(Http.post(url + "/reveal", realm.userToken("keeper"), null).json().path("value").asText())
                .isEqualTo(fresh);

        credentials.deactivate("stripe", "deactivated");

        assertThat(credentials.canReveal("stripe")).isFalse();
        assertThat(Http.get(url, realm.userToken("keeper")).json().path("active").asBoolean()).isFalse();

        credentials.delete("stripe");

        assertThat(Http.get(url, realm.userToken("keeper")).status()).isEqualTo(404);
    }

    @Test
    void aPlainMemberHasOnlyTheirOwnCredentials() {
        Http.post(tenancy.selfService() + "/me/credentials", realm.userToken("plain"), Json.object()
                .put("name", "personal").put("provider", "github").put("type", "API_KEY").put("value", "short"));
        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "plain", "plain");
        console.go("credentials");
        ConsoleCredentialsPage credentials = new ConsoleCredentialsPage(console);

        assertThat(credentials.hasTenantTab()).isFalse();
        assertThat(credentials.masked("personal")).isEqualTo("••••••••");
        assertThat(credentials.status("personal")).isEqualTo("active");
    }
}
