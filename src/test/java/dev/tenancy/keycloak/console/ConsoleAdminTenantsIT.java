package dev.tenancy.keycloak.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import dev.tenancy.keycloak.support.browser.Browser;
import dev.tenancy.keycloak.support.browser.Console;
import dev.tenancy.keycloak.support.browser.ConsoleAdminTenantsPage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The realm admin's tenants page in Chromium: create, find and delete a tenant; invite with a link shown once. */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleAdminTenantsIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static TenancyApi tenancy;
    private static Browser browser;

    @BeforeAll
    static void aRealmAdminAndAGroup() {
        tenancy = new TenancyApi(realm);
        realm.grantRealmManagementRole(realm.createUser("rita"), "realm-admin");
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/groups", realm.adminToken(),
                Json.object().put("name", "support")), "create group");
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aRealmAdminCreatesFindsAndDeletesATenant() {
        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "rita", "rita");
        assertThat(console.awaitPage()).isEqualTo("Tenants");
        ConsoleAdminTenantsPage tenants = new ConsoleAdminTenantsPage(console);
        assertThat(tenants.emptyState()).contains("No tenants yet — create one");

        tenants.create("Globex Corporation", "globex", "Makes things");
        tenants.create("Initech", "initech", "");
        console.screenshot("admin-tenants");
        assertThat(aliasesByApi()).containsExactlyInAnyOrder("globex", "initech");

        tenants.search("Globex", "globex");
        assertThat(tenants.aliases()).containsExactly("globex");
        assertThat(tenants.askToDelete("globex")).contains("Globex Corporation");
        tenants.confirmDelete("globex");

        assertThat(aliasesByApi()).containsExactly("initech");
    }

    @Test
    @Order(2)
    void aRealmAdminInvitesWithRolesAndSeesTheLinkOnce() {
        String acme = tenancy.createTenant("acme");
        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "rita", "rita");
        ConsoleAdminTenantsPage tenants = new ConsoleAdminTenantsPage(console);
        assertThat(tenants.groupsOffered("acme")).contains("/support");

        String link = tenants.inviteWithLink("acme", "ivy@example.com", "operator");

        assertThat(link).startsWith(realm.url() + "/tenancy/invitation?token=");
        assertThat(console.present(Console.test("invitation-link"))).as("the link is gone with its dialog").isFalse();
        JsonNode invitation = Http.get(tenancy.adminApi() + "/tenants/" + acme + "/invitations", realm.adminToken())
                .json().path(0);
        assertThat(invitation.path("email").asText()).isEqualTo("ivy@example.com");
        assertThat(invitation.path("roles").toString()).isEqualTo("[\"operator\"]");
        assertThat(invitation.path("linkShown").asBoolean()).isTrue();
    }

    private static List<String> aliasesByApi() {
        List<String> aliases = new ArrayList<>();
        Http.get(tenancy.adminApi() + "/tenants?max=1000", realm.adminToken()).json()
                .forEach(tenant -> aliases.add(tenant.path("alias").asText()));
        return aliases;
    }
}
