package dev.tenancy.keycloak.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import dev.tenancy.keycloak.support.browser.Browser;
import dev.tenancy.keycloak.support.browser.Console;
import dev.tenancy.keycloak.support.browser.ConsoleModulesPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's modules page in Chromium: the matrix shows the realm's defaults; a tenant admin overrides a level
 * within their own and it is stored; one above their own is refused with the server's reason beside the form.
 */
@Tag("browser")
class ConsoleModulesIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static TenancyApi tenancy;
    private static Browser browser;
    private static String tenantId;

    @BeforeAll
    static void aTenantWithAnAdminAndAnOperator() {
        tenancy = new TenancyApi(realm);
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-tenant", "manage-members", "view-members"]},
                           "operator": {"permissions": ["view-members"]}, "member": {},
                           "auditor": {"permissions": ["manage-credentials"]}},
                 "modules": {"billing": {"admin": "admin", "operator": "write", "member": "read"},
                             "reports": {"admin": "write", "operator": "read"}}}
                """);
        tenantId = tenancy.createTenant("acme");
        tenancy.setRoles(tenantId, realm.createUser("ada"), "admin");
        tenancy.setRoles(tenantId, realm.createUser("otto"), "operator");
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void noOverrides() {
        TenancyApi.expect(200, Http.put(modules(), realm.adminToken(), "{}"), "clear the overrides");
    }

    private static String modules() {
        return tenancy.adminApi() + "/tenants/" + tenantId + "/modules";
    }

    @Test
    void theMatrixShowsTheRealmDefaultsToAMemberWithoutControls() {
        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "otto", "otto");
        assertThat(console.go("modules")).isEqualTo("Modules");
        ConsoleModulesPage matrix = new ConsoleModulesPage(console);

        assertThat(matrix.effective("admin", "billing")).isEqualTo("admin");
        assertThat(matrix.effective("operator", "billing")).isEqualTo("write");
        assertThat(matrix.effective("member", "billing")).isEqualTo("read");
        assertThat(matrix.effective("admin", "reports")).isEqualTo("write");
        assertThat(matrix.effective("member", "reports")).as("a role missing from a module").isEqualTo("none");
        assertThat(matrix.canEdit()).isFalse();
    }

    @Test
    void aTenantAdminOverridesALevelWithinTheirOwn() {
        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "ada", "ada");
        console.go("modules");
        ConsoleModulesPage matrix = new ConsoleModulesPage(console);

        assertThat(matrix.canEdit("member", "billing")).isTrue();
        assertThat(matrix.canEdit("auditor", "billing")).as("a role with a permission ada lacks").isFalse();
        matrix.choose("member", "billing", "write");
        matrix.save();
        console.screenshot("modules");

        assertThat(matrix.effective("member", "billing")).isEqualTo("write");
        assertThat(Http.get(modules(), realm.adminToken()).json().path("overrides").toString())
                .isEqualTo("{\"billing\":{\"member\":\"write\"}}");
    }

    @Test
    void anOverrideAboveTheAdminsOwnLevelIsRefusedWithTheReason() {
        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "ada", "ada");
        console.go("modules");
        ConsoleModulesPage matrix = new ConsoleModulesPage(console);

        matrix.choose("member", "reports", "admin");

        assertThat(matrix.saveRefused()).contains("role 'member' would have 'admin' on 'reports' where you have 'write'");
        console.screenshot("modules-refused");
        assertThat(matrix.effective("member", "reports")).isEqualTo("none");
        assertThat(Http.get(modules(), realm.adminToken()).json().path("overrides").toString()).isEqualTo("{}");
    }
}
