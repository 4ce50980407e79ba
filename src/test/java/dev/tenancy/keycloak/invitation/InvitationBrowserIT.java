package dev.tenancy.keycloak.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.MailServer;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import dev.tenancy.keycloak.support.browser.Browser;
import dev.tenancy.keycloak.support.browser.LoginPages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The invitation paths in headless Chromium, with the realm on the tenancy login theme: a new user from the
 * mail to a token, an existing user, the wrong account, an expired link, and picking one of two tenants.
 */
@Tag("browser")
class InvitationBrowserIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    @RegisterExtension
    static final MailServer mail = new MailServer();

    private static TenancyApi tenancy;
    private static String acme;
    private static String globex;
    private static String landing;

    private Browser browser;
    private LoginPages pages;

    @BeforeAll
    static void setUp() {
        tenancy = new TenancyApi(realm);
        mail.configure(realm);
        // The default roles, and 'recruiter': invites, but stands below 'admin'.
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-tenant", "manage-members", "manage-invitations",
                                                       "manage-api-keys", "manage-credentials", "view-members"]},
                           "operator": {"permissions": ["view-members"]}, "member": {},
                           "recruiter": {"permissions": ["manage-invitations", "view-members"]}}}
                """);
        TenancyApi.expect(204, Http.put(realm.adminUrl(), realm.adminToken(), Json.object().put("loginTheme", "tenancy")),
                "use the tenancy login theme");
        acme = tenancy.createTenant("acme");
        globex = tenancy.createTenant("globex");
        tenancy.addClaimsMapperToTestClient();
        // Any page of the server will do as the client's landing page: the test only reads the code.
        landing = realm.url() + "/.well-known/openid-configuration";
    }

    @BeforeEach
    void startBrowser() {
        browser = Browser.start();
        pages = new LoginPages(browser);
    }

    @AfterEach
    void stopBrowser() {
        browser.close();
    }

    private static HttpResult invite(String tenantId, String email, boolean sendEmail, String... roles) {
        ObjectNode body = Json.object().put("email", email).put("sendEmail", sendEmail)
                .put("clientId", TestRealm.TEST_CLIENT).put("redirectUri", landing);
        var roleArray = body.putArray("roles");
        for (String role : roles) {
            roleArray.add(role);
        }
        HttpResult created = Http.post(tenancy.adminApi() + "/tenants/" + tenantId + "/invitations",
                realm.adminToken(), body);
        TenancyApi.expect(201, created, "invite " + email);
        return created;
    }

    private static String status(String tenantId, String invitationId) {
        return Http.get(tenancy.adminApi() + "/tenants/" + tenantId + "/invitations/" + invitationId,
                realm.adminToken()).json().path("status").asText();
    }

    /** Exchanges the code the browser brought back for the access token's claims. */
    private static JsonNode claimsFor(Map<String, String> redirect) {
        HttpResult token = Http.postForm(realm.tokenUrl(), Map.of("grant_type", "authorization_code",
                "client_id", TestRealm.TEST_CLIENT, "code", redirect.get("code"), "redirect_uri", landing), null);
        TenancyApi.expect(200, token, "code exchange");
        return TestRealm.decodeClaims(token.json().path("access_token").asText());
    }

    @Test
    void aNewUserGoesFromTheMailToATokenWithTheTenant() {
        int before = mail.received();
        invite(acme, "nina@example.com", true, "operator");
        String link = mail.lastTo("nina@example.com", before + 1).invitationLink();

        pages.open(link);
        LoginPages.InvitationPage invitation = pages.invitation();
        assertThat(invitation.summary()).contains("invited you to join ACME");
        assertThat(invitation.roles()).isEqualTo("operator");
        assertThat(invitation.emailIsLocked()).isTrue();
        assertThat(invitation.lockedEmail()).isEqualTo("nina@example.com");
        invitation.register("nina", "Nina", "Neu", "Nina-Secret-1");

        LoginPages.SignInPage signIn = pages.signIn();
        assertThat(signIn.prefilledUsername()).isEqualTo("nina");
        signIn.signIn("nina", "Nina-Secret-1");
        JsonNode claims = claimsFor(pages.redirectedTo(landing));

        assertThat(claims.path("tenant").path("alias").asText()).isEqualTo("acme");
        assertThat(Json.texts(claims.path("tenant").path("roles"))).containsExactly("operator");
        assertThat(claims.path("email").asText()).isEqualTo("nina@example.com");
    }

    @Test
    void aNewUserFromAShownLinkJoinsOnlyAfterKeycloakVerifiedTheAddress() {
        HttpResult created = invite(acme, "vera@example.com", false, "operator");
        String id = created.json().path("id").asText();

        pages.open(created.json().path("link").asText());
        int before = mail.received();
        pages.invitation().registerWithoutPassword("vera", "Vera", "Veri");
        assertThat(pages.refusal()).contains("We sent an email to vera@example.com");
        MailServer.Mail setup = mail.lastTo("vera@example.com", before + 1);
        assertThat(status(acme, id)).isEqualTo("pending");
        java.util.regex.Matcher setupLink = java.util.regex.Pattern
                .compile("https?://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+")
                .matcher(setup.text() == null ? setup.html().replace("&amp;", "&") : setup.text());
        assertThat(setupLink.find()).as("set-up link in " + setup.subject()).isTrue();
        pages.open(setupLink.group());
        pages.proceedWithActions();
        pages.chooseNewPassword("Vera-Secret-1");
        pages.confirm().accept();
        pages.awaitText("Your account has been updated");
        assertThat(status(acme, id)).isEqualTo("accepted");

        pages.open(realm.url() + "/protocol/openid-connect/auth?response_type=code&scope=openid&client_id="
                + TestRealm.TEST_CLIENT + "&redirect_uri=" + URLEncoder.encode(landing, StandardCharsets.UTF_8));
        pages.signIn().signIn("vera", "Vera-Secret-1");
        JsonNode claims = claimsFor(pages.redirectedTo(landing));

        // A plain sign-in (no organization scope asked for): the tenant shows in `tenants`, not as `tenant`.
        assertThat(claims.path("email_verified").asBoolean()).isTrue();
        assertThat(Json.texts(claims.path("tenants").path("acme").path("roles"))).containsExactly("operator");
    }

    @Test
    void anExistingUserSignsInAndConfirms() {
        realm.createUser("bob");
        HttpResult created = invite(acme, "bob@example.com", false, "member");
        String id = created.json().path("id").asText();
        String link = created.json().path("link").asText();

        pages.open(link);
        pages.invitation().signInToAccept();
        pages.signIn().signIn("bob", "bob");
        pages.confirm().accept();
        JsonNode claims = claimsFor(pages.redirectedTo(landing));

        assertThat(claims.path("tenant").path("alias").asText()).isEqualTo("acme");
        assertThat(Json.texts(claims.path("tenant").path("roles"))).containsExactly("member");
        assertThat(status(acme, id)).isEqualTo("accepted");
    }

    @Test
    void anExistingUserIsToldWhichRolesTheInviterCanNoLongerGrant() {
        String inviter = realm.createUser("ines");
        tenancy.setRoles(acme, inviter, "admin", "recruiter");
        realm.createUser("paul");
        ObjectNode body = Json.object().put("email", "paul@example.com")
                .put("clientId", TestRealm.TEST_CLIENT).put("redirectUri", landing);
        body.putArray("roles").add("operator").add("admin");
        int before = mail.received();
        HttpResult created = Http.post(tenancy.selfService() + "/tenants/" + acme + "/invitations",
                realm.userToken("ines"), body);
        TenancyApi.expect(201, created, "invitation by a tenant admin");
        String link = mail.lastTo("paul@example.com", before + 1).invitationLink();
        // Ines still invites, but 'admin' is now above her.
        tenancy.setRoles(acme, inviter, "recruiter");

        pages.open(link);
        pages.invitation().signInToAccept();
        pages.signIn().signIn("paul", "paul");
        pages.confirm().accept();
        assertThat(pages.confirm().droppedRoles()).contains("admin").doesNotContain("operator");
        pages.confirm().continueAfterAccepting();
        JsonNode claims = claimsFor(pages.redirectedTo(landing));

        assertThat(claims.path("tenant").path("alias").asText()).isEqualTo("acme");
        assertThat(Json.texts(claims.path("tenant").path("roles"))).containsExactly("operator");
        assertThat(status(acme, created.json().path("id").asText())).isEqualTo("accepted");
    }

    @Test
    void theWrongAccountNeverConsumesTheInvitation() {
        realm.createUser("dora");
        realm.createUser("carol");
        HttpResult created = invite(acme, "dora@example.com", false, "member");
        String id = created.json().path("id").asText();

        // Carol is already signed in when she opens Dora's link.
        pages.open(realm.url() + "/protocol/openid-connect/auth?response_type=code&scope=openid&client_id="
                + TestRealm.TEST_CLIENT + "&redirect_uri=" + URLEncoder.encode(landing, StandardCharsets.UTF_8));
        pages.signIn().signIn("carol", "carol");
        pages.redirectedTo(landing);
        pages.open(created.json().path("link").asText());
        pages.invitation().signInToAccept();
        // Keycloak knows her, but asks her to confirm her password for a client asking for another tenant.
        LoginPages.SignInPage signIn = pages.signIn();
        assertThat(signIn.prefilledUsername()).isEqualTo("carol");
        signIn.signIn("carol", "carol");
        LoginPages.ConfirmPage confirm = pages.confirm();

        assertThat(confirm.wrongAccountWarning()).contains("dora@example.com", "carol@example.com");
        confirm.continueWithoutAccepting();
        JsonNode claims = claimsFor(pages.redirectedTo(landing));
        assertThat(claims.path("preferred_username").asText()).isEqualTo("carol");
        assertThat(claims.path("tenants").has("acme")).isFalse();
        assertThat(status(acme, id)).isEqualTo("pending");
    }

    @Test
    void anExistingUserMayDeclineAtTheEnd() {
        realm.createUser("fred");
        HttpResult created = invite(acme, "fred@example.com", false, "member");

        pages.open(created.json().path("link").asText());
        pages.invitation().signInToAccept();
        pages.signIn().signIn("fred", "fred");
        pages.confirm().decline();

        assertThat(pages.header()).isEqualTo("Invitation");
        assertThat(pages.refusal()).contains("You declined the invitation");
        assertThat(status(acme, created.json().path("id").asText())).isEqualTo("declined");
    }

    @Test
    void withTheRealmOptionAnotherAccountMayAccept() {
        realm.createUser("gina");
        realm.createUser("hank");
        HttpResult created = invite(globex, "gina@example.com", false, "member");
        JsonNode config = Http.get(tenancy.adminApi() + "/config", realm.adminToken()).json();
        tenancy.configure(((ObjectNode) config.deepCopy()).put("invitationAllowDifferentEmail", true).toString());
        try {
            pages.open(created.json().path("link").asText());
            pages.invitation().signInToAccept();
            pages.signIn().signIn("hank", "hank");
            pages.confirm().accept();
            JsonNode claims = claimsFor(pages.redirectedTo(landing));

            assertThat(claims.path("preferred_username").asText()).isEqualTo("hank");
            assertThat(claims.path("tenant").path("alias").asText()).isEqualTo("globex");
            assertThat(status(globex, created.json().path("id").asText())).isEqualTo("accepted");
        } finally {
            tenancy.configure(config.toString());
        }
    }

    @Test
    void aMemberCannotTakeAnInvitationToRaiseTheirOwnRolesEvenWhereOtherAccountsMayAccept() {
        String ivy = realm.createUser("ivy");
        tenancy.setRoles(globex, ivy, "member");
        HttpResult created = invite(globex, "someone-else@example.com", false, "operator");
        JsonNode config = Http.get(tenancy.adminApi() + "/config", realm.adminToken()).json();
        tenancy.configure(((ObjectNode) config.deepCopy()).put("invitationAllowDifferentEmail", true).toString());
        try {
            pages.open(created.json().path("link").asText());
            pages.invitation().signInToAccept();
            pages.signIn().signIn("ivy", "ivy");
            LoginPages.ConfirmPage confirm = pages.confirm();

            assertThat(confirm.wrongAccountWarning()).contains("someone-else@example.com");
            confirm.continueWithoutAccepting();
            pages.redirectedTo(landing);
            assertThat(status(globex, created.json().path("id").asText())).isEqualTo("pending");
            assertThat(Json.texts(Http.get(tenancy.adminApi() + "/tenants/" + globex + "/members/" + ivy,
                    realm.adminToken()).json().path("roles"))).containsExactly("member");
        } finally {
            tenancy.configure(config.toString());
        }
    }

    @Test
    void anExpiredLinkShowsAClearPage() throws Exception {
        HttpResult created = invite(acme, "slow@example.com", false);
        try (Connection connection = realm.server().database().openJdbc();
             PreparedStatement update = connection.prepareStatement(
                     "update TENANCY_INVITATION set EXPIRES_AT = ? where ID = ?")) {
            update.setLong(1, System.currentTimeMillis() - 60_000);
            update.setString(2, created.json().path("id").asText());
            update.executeUpdate();
        }

        pages.open(created.json().path("link").asText());

        assertThat(pages.header()).isEqualTo("This invitation is no longer valid");
        assertThat(pages.refusal()).contains("This invitation has expired");
    }

    @Test
    void aUserInTwoTenantsPicksOneAtLoginAndItBecomesTheTenantClaim() {
        String erin = realm.createUser("erin");
        tenancy.setRoles(acme, erin, "member");
        tenancy.setRoles(globex, erin, "admin");

        pages.open(realm.url() + "/protocol/openid-connect/auth?response_type=code&scope=openid%20organization"
                + "&client_id=" + TestRealm.TEST_CLIENT + "&redirect_uri="
                + URLEncoder.encode(landing, StandardCharsets.UTF_8));
        // Keycloak asks for the username, then for the tenant, then for the password.
        pages.signIn().enterUsername("erin");
        LoginPages.SelectTenantPage picker = pages.selectTenant();
        assertThat(picker.title()).isEqualTo("Choose a tenant");
        picker.pick("globex");
        pages.signIn().signIn("erin", "erin");
        JsonNode claims = claimsFor(pages.redirectedTo(landing));

        assertThat(claims.path("tenant").path("alias").asText()).isEqualTo("globex");
        assertThat(Json.texts(claims.path("tenant").path("roles"))).containsExactly("admin");
        assertThat(claims.path("tenants").has("acme")).isTrue();
    }
}
