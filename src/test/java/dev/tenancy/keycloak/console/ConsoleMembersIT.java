package dev.tenancy.keycloak.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import dev.tenancy.keycloak.support.browser.Browser;
import dev.tenancy.keycloak.support.browser.Console;
import dev.tenancy.keycloak.support.browser.ConsoleMembersPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** The console's members page in Chromium, for a tenant admin, an operator, and on a phone-sized screen. */
@Tag("browser")
class ConsoleMembersIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static TenancyApi tenancy;
    private static Browser browser;
    private static String tenantId;
    private static String maryId;

    @BeforeAll
    static void aTenantWithAnAdminAnOperatorAndAMember() {
        tenancy = new TenancyApi(realm);
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-tenant", "manage-members", "manage-invitations",
                                                      "manage-api-keys", "manage-credentials", "view-members"]},
                           "operator": {"permissions": ["view-members"]}, "member": {}},
                 "modules": {"billing": {"admin": "admin", "operator": "write", "member": "read"}}}
                """);
        tenantId = tenancy.createTenant("acme");
        tenancy.setRoles(tenantId, realm.createUser("ada"), "admin");
        tenancy.setRoles(tenantId, realm.createUser("otto"), "operator");
        maryId = realm.createUser("mary");
        tenancy.setRoles(tenantId, maryId, "member");
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void desktopAgain() {
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
    }

    @Test
    void aTenantAdminMakesAMemberAnOperator() {
        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "ada", "ada");
        assertThat(console.awaitPage()).isEqualTo("Members");
        ConsoleMembersPage members = new ConsoleMembersPage(console);
        console.screenshot("members");

        assertThat(members.usernames()).containsExactlyInAnyOrder("ada", "otto", "mary");
        assertThat(members.canChangeRoles("ada")).as("nobody changes their own roles").isFalse();

        members.setRoles("mary", "operator");

        console.awaitText(By.cssSelector("[data-test='member-mary'] [data-test='member-roles']"), "operator");
        assertThat(Http.get(tenancy.adminApi() + "/tenants/" + tenantId + "/members/" + maryId, realm.adminToken())
                .json().path("roles").toString()).isEqualTo("[\"operator\"]");
        tenancy.setRoles(tenantId, maryId, "member");
    }

    @Test
    void anOperatorSeesTheMembersWithoutControls() {
        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "otto", "otto");
        ConsoleMembersPage members = new ConsoleMembersPage(console);

        assertThat(members.usernames()).contains("ada", "mary");
        assertThat(members.canChangeRoles("mary")).isFalse();
        assertThat(members.canRemove("mary")).isFalse();
        assertThat(console.navigation()).doesNotContain("invitations", "tenants", "config");
    }

    @Test
    void inGermanTheConsoleSpeaksGermanAndInTheDarkItIsDark() {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "ada", "ada");
            console.chooseLanguage("Deutsch");

            console.awaitText(By.cssSelector("[data-page-title]"), "Mitglieder");
            assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("class"))
                    .contains("pf-v5-theme-dark");
            assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");
            assertThat(new ConsoleMembersPage(console).usernames()).contains("mary");
            console.screenshot("members-de-dark");
            console.chooseLanguage("English");
            console.awaitText(By.cssSelector("[data-page-title]"), "Members");
        } finally {
            ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }

    @Test
    void aMemberLeavesTheTenantAndTheLastManagerCannot() {
        String leaId = realm.createUser("lea");
        tenancy.setRoles(tenantId, leaId, "member");
        Console lea = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "lea", "lea");

        lea.go("leave");
        lea.visible(Console.test("confirm-leave")).click();

        lea.visible(Console.test("no-tenants"));
        assertThat(Http.get(tenancy.adminApi() + "/tenants/" + tenantId + "/members/" + leaId, realm.adminToken())
                .status()).isEqualTo(404);

        Console ada = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "ada", "ada");
        ada.go("leave");
        ada.visible(Console.test("confirm-leave")).click();

        assertThat(ada.visible(Console.test("leave-error")).getText()).contains("manage");
        assertThat(Http.get(tenancy.adminApi() + "/tenants/" + tenantId + "/members", realm.adminToken()).body())
                .contains("\"ada\"");
    }

    @Test
    void onAPhoneTheMenuOpensAndTheMembersShow() {
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "ada", "ada");
        console.visible(Console.test("menu")).click();
        console.go("members");
        ConsoleMembersPage members = new ConsoleMembersPage(console);
        console.screenshot("members-phone");

        assertThat(members.roles("otto")).contains("operator");
        assertThat(members.canChangeRoles("otto")).isTrue();
    }
}
