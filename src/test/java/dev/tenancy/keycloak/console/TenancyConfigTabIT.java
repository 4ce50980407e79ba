package dev.tenancy.keycloak.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import dev.tenancy.keycloak.support.browser.Browser;
import dev.tenancy.keycloak.support.browser.TenancyTabPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The realm settings tab in a real Chromium: shows the stored configuration and saves a change. */
@Tag("browser")
class TenancyConfigTabIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static TenancyApi tenancy;
    private static Browser browser;

    @BeforeAll
    static void configuredRealmAndABrowser() {
        tenancy = new TenancyApi(realm);
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-members", "view-members"]},
                           "operator": {"permissions": ["view-members"]}, "member": {}},
                 "modules": {"billing": {"admin": "admin", "operator": "write"}}}
                """);
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theTabShowsTheConfigurationAndSavesAChange() {
        TenancyTabPage tab = TenancyTabPage.open(browser, realm.server().baseUrl(), realm.name(), "admin", "admin");

        assertThat(tab.consoleAddress()).isEqualTo("/realms/" + realm.name() + "/tenancy/console/");
        assertThat(tab.roles()).contains("operator: view-members");
        assertThat(tab.modules()).contains("billing: admin=admin, operator=write");

        String alert = tab.replaceRoles("admin: manage-members, view-members\noperator: view-members\n"
                + "member:\nauditor: view-members").save();

        assertThat(alert).containsIgnoringCase("success");
        JsonNode config = Http.get(tenancy.adminApi() + "/config", realm.adminToken()).json();
        assertThat(config.path("roles").path("auditor").path("permissions").toString()).isEqualTo("[\"view-members\"]");
        assertThat(config.path("modules").path("billing").path("operator").asText()).isEqualTo("write");

        String refused = tab.replaceRoles("admin manage-members").save();

        assertThat(refused).doesNotContainIgnoringCase("success");
        assertThat(Http.get(tenancy.adminApi() + "/config", realm.adminToken()).json()).isEqualTo(config);
    }

    @Test
    void anImportedRealmShowsItsConfigurationInTheTab() {
        String name = realm.name() + "-imported";
        String config = "{\"roles\":{\"owner\":{\"permissions\":[\"manage-tenant\"]}},\"modules\":{}}";
        TenancyApi.expect(201, Http.post(realm.server().baseUrl() + "/admin/realms", realm.adminToken(),
                Json.object().put("realm", name).put("enabled", true).put("organizationsEnabled", true)
                        .set("attributes", Json.object().put("tenancy.config", config))), "import realm");
        try {
            JsonNode tabs = Http.get(realm.server().baseUrl() + "/admin/realms/" + name
                    + "/components?type=org.keycloak.services.ui.extend.UiTabProvider", realm.adminToken()).json();

            assertThat(tabs).hasSize(1);
            assertThat(tabs.get(0).path("providerId").asText()).isEqualTo("tenancy");
            assertThat(tabs.get(0).path("config").path("roles").get(0).asText()).isEqualTo("owner: manage-tenant");
        } finally {
            Http.delete(realm.server().baseUrl() + "/admin/realms/" + name, realm.adminToken());
        }
    }
}
