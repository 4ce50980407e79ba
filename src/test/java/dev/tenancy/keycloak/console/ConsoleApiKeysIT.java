package dev.tenancy.keycloak.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import dev.tenancy.keycloak.support.browser.Browser;
import dev.tenancy.keycloak.support.browser.Console;
import dev.tenancy.keycloak.support.browser.ConsoleApiKeysPage;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's API keys page in Chromium: a member makes a key, which works at introspection until they revoke it;
 * a tenant admin revokes a member's key in the tenant's list.
 */
@Tag("browser")
class ConsoleApiKeysIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static final String SERVICE = TestRealm.SERVICE_CLIENT + ":" + TestRealm.SERVICE_SECRET;
    private static TenancyApi tenancy;
    private static Browser browser;
    private static String tenantId;

    @BeforeAll
    static void aTenantWithAnAdminAndAnOperator() {
        tenancy = new TenancyApi(realm);
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-api-keys", "view-members"]},
                           "operator": {"permissions": ["view-members"]}},
                 "modules": {"billing": {"admin": "admin", "operator": "write"}, "reports": {"admin": "read"}},
                 "apiKeyClients": ["tenancy-service"], "apiKeyIntrospectionClients": ["tenancy-service"]}
                """);
        tenantId = tenancy.createTenant("acme");
        tenancy.setRoles(tenantId, realm.createUser("ada"), "admin");
        tenancy.setRoles(tenantId, realm.createUser("kim"), "operator");
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static HttpResult introspect(String key) {
        HttpResult answer = Http.postForm(realm.url() + "/tenancy/api-keys/introspect", Map.of("token", key), SERVICE);
        TenancyApi.expect(200, answer, "introspect");
        return answer;
    }

    @Test
    void aMemberCreatesAKeyThatWorksUntilTheyRevokeIt() {
        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "kim", "kim");
        assertThat(console.go("api-keys")).isEqualTo("API keys");
        ConsoleApiKeysPage keys = new ConsoleApiKeysPage(console);
        assertThat(keys.showsTenantKeys()).as("kim does not manage the tenant's keys").isFalse();

        String key = keys.create("nightly export", "billing:read");
        console.screenshot("api-key-created");

        assertThat(key).startsWith("tnc_");
        HttpResult active = introspect(key);
        assertThat(active.json().path("active").asBoolean()).isTrue();
        assertThat(active.json().path("tenant_id").asText()).isEqualTo(tenantId);
        assertThat(active.json().path("scope").asText()).isEqualTo("billing:read");

        keys.closeKeyDialog();
        assertThat(browser.driver().getPageSource()).as("the key is gone with its dialog").doesNotContain(key);
        assertThat(keys.status("nightly export")).contains("active");
        assertThat(keys.scopes("nightly export")).isEqualTo("billing:read");
        console.screenshot("api-keys");

        keys.revoke("nightly export");

        assertThat(introspect(key).json().path("active").asBoolean()).isFalse();
    }

    @Test
    void rotatingShowsTheNewKeyOnceAndStopsTheOldOneWhenAskedTo() {
        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "kim", "kim");
        console.go("api-keys");
        ConsoleApiKeysPage keys = new ConsoleApiKeysPage(console);
        String old = keys.create("deploy bot", "billing:write");
        keys.closeKeyDialog();

        String rotated = keys.rotate("deploy bot", 0);

        assertThat(rotated).startsWith("tnc_").isNotEqualTo(old);
        assertThat(keys.graceInfo()).contains("stopped working");
        assertThat(introspect(old).json().path("active").asBoolean()).isFalse();
        HttpResult fresh = introspect(rotated);
        assertThat(fresh.json().path("active").asBoolean()).isTrue();
        assertThat(fresh.json().path("scope").asText()).isEqualTo("billing:write");
        keys.closeKeyDialog();
        assertThat(browser.driver().getPageSource()).doesNotContain(rotated).doesNotContain(old);
    }

    @Test
    void aTenantAdminRevokesAMembersKeyInTheTenantsList() {
        HttpResult created = Http.post(tenancy.selfService() + "/me/api-keys", realm.userToken("kim"),
                "{\"name\": \"kim-script\", \"tenantId\": \"" + tenantId + "\", \"scopes\": [\"billing:write\"]}");
        TenancyApi.expect(201, created, "create kim's key");
        String key = created.json().path("key").asText();

        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "ada", "ada");
        console.go("api-keys");
        ConsoleApiKeysPage keys = new ConsoleApiKeysPage(console);
        assertThat(keys.tenantKeyNames()).contains("kim-script");

        keys.revokeInTenant("kim-script");

        assertThat(introspect(key).json().path("active").asBoolean()).isFalse();
    }
}
