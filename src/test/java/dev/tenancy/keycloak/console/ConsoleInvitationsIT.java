package dev.tenancy.keycloak.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.MailServer;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import dev.tenancy.keycloak.support.browser.Browser;
import dev.tenancy.keycloak.support.browser.Console;
import dev.tenancy.keycloak.support.browser.ConsoleInvitationsPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console's invitations page in Chromium: a tenant admin invites, sees the invitation pending, revokes it. */
@Tag("browser")
class ConsoleInvitationsIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    @RegisterExtension
    static final MailServer mail = new MailServer();

    private static TenancyApi tenancy;
    private static Browser browser;
    private static String tenantId;

    @BeforeAll
    static void aTenantWithAnAdminWhoInvites() {
        tenancy = new TenancyApi(realm);
        mail.configure(realm);
        // The owner role gives what ada lacks (manage-tenant): the form must not offer it.
        tenancy.configure("""
                {"roles": {"owner": {"permissions": ["manage-tenant", "manage-members", "manage-invitations", "view-members"]},
                           "admin": {"permissions": ["manage-members", "manage-invitations", "view-members"]},
                           "operator": {"permissions": ["view-members"]}}}
                """);
        tenantId = tenancy.createTenant("acme");
        tenancy.setRoles(tenantId, realm.createUser("ada"), "admin");
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static JsonNode invitationOf(String email) {
        HttpResult list = Http.get(tenancy.adminApi() + "/tenants/" + tenantId + "/invitations?email=" + email,
                realm.adminToken());
        TenancyApi.expect(200, list, "list invitations");
        assertThat(list.json()).hasSize(1);
        return list.json().get(0);
    }

    @Test
    void aTenantAdminInvitesAnOperatorAndRevokesTheInvitation() {
        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "ada", "ada");
        assertThat(console.go("invitations")).isEqualTo("Invitations");
        ConsoleInvitationsPage invitations = new ConsoleInvitationsPage(console);
        assertThat(invitations.offeredRoles()).contains("operator", "admin").doesNotContain("owner");

        int before = mail.received();
        invitations.invite("olga@example.com", "operator");

        assertThat(invitations.awaitSent()).contains("olga@example.com");
        invitations.awaitStatus("olga@example.com", "pending");
        assertThat(invitations.roles("olga@example.com")).isEqualTo("operator");
        assertThat(mail.lastTo("olga@example.com", before + 1).invitationLink()).isNotBlank();
        invitations.scrollTo("olga@example.com");
        console.screenshot("invitations");

        invitations.revoke("olga@example.com");

        invitations.awaitStatus("olga@example.com", "revoked");
        assertThat(invitations.canRevoke("olga@example.com")).isFalse();
        assertThat(invitationOf("olga@example.com").path("status").asText()).isEqualTo("revoked");

        invitations.filter("pending");
        console.gone(Console.test("invitation-olga@example.com"));
        invitations.filter("revoked");
        invitations.awaitStatus("olga@example.com", "revoked");
    }

    @Test
    void aSecondPendingInvitationToTheSameAddressIsRefusedNextToTheForm() {
        TenancyApi.expect(201, Http.post(tenancy.adminApi() + "/tenants/" + tenantId + "/invitations", realm.adminToken(),
                "{\"email\": \"twice@example.com\", \"roles\": [\"operator\"]}"), "first invitation");
        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "ada", "ada");
        console.go("invitations");
        ConsoleInvitationsPage invitations = new ConsoleInvitationsPage(console);

        invitations.invite("twice@example.com", "operator");

        assertThat(invitations.formError()).contains("This conflicts with the current state")
                .contains("A pending invitation for this email already exists");
        assertThat(invitationOf("twice@example.com").path("status").asText()).isEqualTo("pending");
    }

    @Test
    void anInvalidEmailIsRefusedWithTheServersReasonInTheForm() {
        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "ada", "ada");
        console.go("invitations");
        ConsoleInvitationsPage invitations = new ConsoleInvitationsPage(console);

        invitations.invite("not-an-email", "operator");

        assertThat(invitations.formError()).contains("The input was not accepted")
                .contains("Field 'email' is not a valid email address");
        assertThat(Http.get(tenancy.adminApi() + "/tenants/" + tenantId + "/invitations?email=not-an-email",
                realm.adminToken()).json()).isEmpty();
    }
}
