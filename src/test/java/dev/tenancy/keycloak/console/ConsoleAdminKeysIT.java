package dev.tenancy.keycloak.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import dev.tenancy.keycloak.support.browser.Browser;
import dev.tenancy.keycloak.support.browser.Console;
import dev.tenancy.keycloak.support.browser.ConsoleAdminKeysPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;

/** The encryption keys page in Chromium against the test server's KEK versions 1 and 2 (TestKeys). */
@Tag("browser")
class ConsoleAdminKeysIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static TenancyApi tenancy;
    private static Browser browser;

    @BeforeAll
    static void aRealmAdminAndOneSystemCredential() {
        tenancy = new TenancyApi(realm);
        realm.grantRealmManagementRole(realm.createUser("rita"), "realm-admin");
        TenancyApi.expect(201, Http.post(tenancy.adminApi() + "/credentials", realm.adminToken(), Json.object()
                .put("scope", "SYSTEM").put("name", "relay").put("provider", "smtp").put("type", "PASSWORD")
                .put("value", "console-keys-test-value")), "create a system credential");
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theStatusShowsTheVersionsAndARewrapToTheNewPrimaryRunsToDone() {
        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "rita", "rita");
        console.go("keys");
        ConsoleAdminKeysPage keys = new ConsoleAdminKeysPage(console);
        assertThat(keys.primary()).isEqualTo("1");
        assertThat(keys.availableVersions()).isEqualTo("1, 2");
        assertThat(keys.count(1)).isEqualTo("1");
        assertThat(keys.pendingRewrap()).isEqualTo("0");

        keys.rotateTo(2);
        assertThat(keys.pendingRewrap()).isEqualTo("1");
        keys.rewrapUntil("Done");
        keys.refresh();
        console.awaitText(Console.test("keys-pending"), "0");
        // Tall enough to show the finished rewrap under the versions.
        browser.driver().manage().window().setSize(new Dimension(1400, 1400));
        console.screenshot("admin-keys");
        console.desktopSized();

        assertThat(keys.count(2)).isEqualTo("1");
        JsonNode status = Http.get(tenancy.adminApi() + "/keys", realm.adminToken()).json();
        assertThat(status.path("primaryVersion").asInt()).isEqualTo(2);
        assertThat(status.path("credentialsByVersion").path("2").asLong()).isEqualTo(1);
        assertThat(status.path("pendingRewrap").asLong()).isZero();
    }
}
