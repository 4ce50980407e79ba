package dev.tenancy.keycloak.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import dev.tenancy.keycloak.support.browser.Browser;
import dev.tenancy.keycloak.support.browser.Console;
import dev.tenancy.keycloak.support.browser.ConsoleAdminConfigPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;

/** The realm configuration form in Chromium: a saved module reaches members' tokens, a refused save stores nothing. */
@Tag("browser")
class ConsoleAdminConfigIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static TenancyApi tenancy;
    private static Browser browser;

    @BeforeAll
    static void aRealmAdminAViewerAndATenantMember() {
        tenancy = new TenancyApi(realm);
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-tenant", "manage-members", "view-members"]},
                           "member": {}},
                 "modules": {"billing": {"admin": "admin", "member": "read"}},
                 "invitationMaxResends": 3,
                 "apiKeyIntrospectionClients": ["orders-api"]}
                """);
        String acme = tenancy.createTenant("acme");
        tenancy.setRoles(acme, realm.createUser("mia"), "admin");
        realm.grantRealmManagementRole(realm.createUser("rita"), "realm-admin");
        realm.grantRealmManagementRole(realm.createUser("vera"), "view-realm");
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aModuleAddedInTheFormIsInTheNextTokenOfAMember() {
        assertThat(modulesOfMia().has("reports")).isFalse();
        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "rita", "rita");
        console.go("config");
        ConsoleAdminConfigPage config = new ConsoleAdminConfigPage(console);

        config.addModule("reports");
        config.setLevel("reports", "admin", "write");
        config.setLevel("reports", "member", "read");
        config.save();
        screenshotOfTheWholeForm(console);

        assertThat(modulesOfMia().path("reports").asText()).isEqualTo("write");
        JsonNode stored = Http.get(tenancy.adminApi() + "/config", realm.adminToken()).json();
        assertThat(stored.path("modules").path("reports").toString()).isEqualTo("{\"admin\":\"write\",\"member\":\"read\"}");
        assertThat(stored.path("modules").path("billing").toString()).isEqualTo("{\"admin\":\"admin\",\"member\":\"read\"}");
        assertThat(stored.path("invitationMaxResends").asInt()).as("a setting kept as it was").isEqualTo(3);
        assertThat(stored.path("apiKeyIntrospectionClients").toString()).isEqualTo("[\"orders-api\"]");
    }

    @Test
    void aRefusedSaveShowsTheServersReasonAndStoresNothing() {
        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "rita", "rita");
        console.go("config");
        ConsoleAdminConfigPage config = new ConsoleAdminConfigPage(console);

        config.addRole("auditor");
        config.setPermission("auditor", "view-members", true);
        config.setApiKeyPrefix("Bad-Prefix");
        String error = config.saveRefused();

        assertThat(error).contains("The input was not accepted").contains("apiKeyPrefix");
        JsonNode stored = Http.get(tenancy.adminApi() + "/config", realm.adminToken()).json();
        assertThat(stored.path("apiKeyPrefix").asText()).isEqualTo("tnc");
        assertThat(stored.path("roles").has("auditor")).isFalse();
    }

    @Test
    void aViewerSeesTheConfigurationWithoutControls() {
        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "vera", "vera");
        ConsoleAdminConfigPage config = new ConsoleAdminConfigPage(console);

        assertThat(config.editable()).isFalse();
        assertThat(config.permissionsShown("admin")).contains("Manage members");
        assertThat(console.present(Console.test("save-config"))).isFalse();
        assertThat(console.navigation()).contains("config", "keys").doesNotContain("tenants");
    }

    /** The form is long: a tall window shows all of it in one picture. */
    private static void screenshotOfTheWholeForm(Console console) {
        browser.driver().manage().window().setSize(new Dimension(1400, 2600));
        console.screenshot("admin-config");
        console.desktopSized();
    }

    private static JsonNode modulesOfMia() {
        // The module levels of a tenant are in 'tenant', the active one ('tenants' lists roles by default).
        JsonNode claims = TestRealm.decodeClaims(realm.userToken("mia", TestRealm.TENANCY_SCOPE + " organization:acme"));
        return claims.path("tenant").path("modules");
    }
}
