package dev.tenancy.keycloak.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.LoopbackDns;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import dev.tenancy.keycloak.support.browser.Browser;
import dev.tenancy.keycloak.support.browser.Console;
import dev.tenancy.keycloak.support.browser.ConsoleDomainsPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's domains page in Chromium: a tenant admin claims a domain, reads the TXT record to publish, is told
 * what DNS held while it is missing, verifies it once it is there, lets colleagues join by it and turns that off
 * again, and removes it; a member without manage-tenant has no such page.
 */
@Tag("browser")
class ConsoleDomainsIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    @RegisterExtension
    static final LoopbackDns dns = new LoopbackDns();

    private static TenancyApi tenancy;
    private static Browser browser;
    private static String tenantId;

    @BeforeAll
    static void aTenantWithAnAdminAndAMember() {
        tenancy = new TenancyApi(realm);
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-tenant", "manage-members", "view-members"]},
                           "member": {}}}
                """);
        tenantId = tenancy.createTenant("acme");
        tenancy.setRoles(tenantId, realm.createUser("ada"), "admin");
        tenancy.setRoles(tenantId, realm.createUser("mona"), "member");
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aTenantAdminProvesADomainThroughTheConsole() {
        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "ada", "ada");
        assertThat(console.go("domains")).isEqualTo("Domains");
        ConsoleDomainsPage domains = new ConsoleDomainsPage(console);

        domains.add("acme.test");
        assertThat(domains.status("acme.test")).isEqualTo("Waiting for DNS");
        assertThat(domains.challengeName("acme.test")).isEqualTo("_tenancy-challenge.acme.test");
        String value = domains.challengeValue("acme.test");
        assertThat(value).matches("[a-z2-7]{32}");
        assertThat(domains.verifyRefused("acme.test")).contains("no TXT record at _tenancy-challenge.acme.test");
        console.screenshot("domains-pending");

        dns.txt("_tenancy-challenge.acme.test", value);
        domains.verify("acme.test", "Verified");
        console.screenshot("domains-verified");
        assertThat(Http.get(realm.adminUrl() + "/organizations/" + tenantId, realm.adminToken()).json()
                .path("domains").toString()).contains("\"name\":\"acme.test\"").contains("\"verified\":true");

        domains.setJoin("auto", "member");
        assertThat(Http.get(tenancy.adminApi() + "/tenants/" + tenantId + "/join", realm.adminToken()).json()
                .toString()).isEqualTo("{\"mode\":\"auto\",\"defaultRole\":\"member\"}");
        domains.setJoin("off", null);

        assertThat(domains.addRefused("*.acme.test")).contains("not a wildcard");
        domains.remove("acme.test");
        assertThat(Http.get(tenancy.adminApi() + "/tenants/" + tenantId + "/domains", realm.adminToken()).json())
                .isEmpty();
    }

    @Test
    void aMemberWithoutManageTenantHasNoDomainsPage() {
        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "mona", "mona");
        assertThat(console.navigation()).doesNotContain("domains");
    }
}
