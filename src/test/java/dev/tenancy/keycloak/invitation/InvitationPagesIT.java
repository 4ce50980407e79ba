package dev.tenancy.keycloak.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.secret.SecretHash;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.MailServer;
import dev.tenancy.keycloak.support.SecretScan;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The invitation pages over plain HTTP: what each kind of link shows, registration of a new invitee, decline,
 * and 50 concurrent accepts of one link. Ends with a scan of the whole database for the raw tokens.
 */
class InvitationPagesIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    @RegisterExtension
    static final MailServer mail = new MailServer();

    private static final List<String> TOKENS = new CopyOnWriteArrayList<>();
    private static long logMark;
    private static TenancyApi tenancy;
    private static String tenant;

    @BeforeAll
    static void setUp() {
        logMark = realm.server().logMark();
        tenancy = new TenancyApi(realm);
        mail.configure(realm);
        TenancyApi.expect(204, Http.put(realm.adminUrl(), realm.adminToken(), Json.object().put("eventsEnabled", true)),
                "enable events");
        tenant = tenancy.createTenant("acme");
        tenancy.addClaimsMapperToTestClient();
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/groups", realm.adminToken(),
                Json.object().put("name", "support")), "create group");
    }

    @AfterAll
    static void noTableAndNoLogLineHoldsARawToken() throws Exception {
        assertThat(TOKENS).isNotEmpty();
        String log = realm.server().logSince(logMark);
        assertThat(log).contains("INVITE_ORG");
        for (String token : TOKENS) {
            assertThat(log).doesNotContain(token);
        }
        assertThat(SecretScan.find(realm.server(), TOKENS)).isEmpty();
        // The scan finds what is there: the hashes are stored.
        List<String> hashes = TOKENS.stream().map(SecretHash::sha256Hex).toList();
        assertThat(SecretScan.find(realm.server(), hashes))
                .anyMatch(hit -> hit.equalsIgnoreCase("TENANCY_INVITATION.TOKEN_HASH"));
    }

    /** Creates an invitation without mail (a realm admin's privilege) and returns its link, as the API showed it. */
    private static String link(String email, String... roles) {
        HttpResult created = Http.post(invitations(), realm.adminToken(), body(email, false, roles));
        TenancyApi.expect(201, created, "invite " + email);
        String link = created.json().path("link").asText();
        TOKENS.add(InvitationApiIT.token(link));
        return link;
    }

    /** Creates an invitation by mail and returns the link from the mail: shown to nobody but the invitee. */
    private static String mailedLink(String email, String... roles) {
        return mailed(realm.adminToken(), invitations(), body(email, true, roles));
    }

    private static String mailed(String token, String url, com.fasterxml.jackson.databind.node.ObjectNode body) {
        int before = mail.received();
        TenancyApi.expect(201, Http.post(url, token, body), "invite by mail");
        String link = mail.lastTo(body.path("email").asText(), before + 1).invitationLink();
        TOKENS.add(InvitationApiIT.token(link));
        return link;
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode body(String email, boolean sendEmail,
            String... roles) {
        var body = Json.object().put("email", email).put("sendEmail", sendEmail);
        var roleArray = body.putArray("roles");
        for (String role : roles) {
            roleArray.add(role);
        }
        body.putArray("groups").add("/support");
        return body;
    }

    private static String invitations() {
        return tenancy.adminApi() + "/tenants/" + tenant + "/invitations";
    }

    private static JsonNode invitationFor(String email) {
        return Http.get(invitations() + "?email=" + email, realm.adminToken()).json().path(0);
    }

    private static String actionUrl() {
        return realm.url() + "/tenancy/invitation";
    }

    private static Map<String, String> registration(String link, String username, String password, String confirm) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", InvitationApiIT.token(link));
        form.put("action", "register");
        form.put("username", username);
        form.put("firstName", "New");
        form.put("lastName", "Member");
        form.put("password", password);
        form.put("password-confirm", confirm);
        return form;
    }

    @Test
    void unknownAndMalformedLinksGetAClearPage() {
        HttpResult malformed = Http.get(actionUrl() + "?token=not-a-token", null);
        HttpResult missing = Http.get(actionUrl(), null);
        HttpResult unknown = Http.get(actionUrl() + "?token=" + "A".repeat(43), null);

        for (HttpResult page : List.of(malformed, missing, unknown)) {
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.body()).contains("This invitation is no longer valid", "not known")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void aFormWithoutAKnownTokenOrActionChangesNothing() {
        String link = link("undecided@example.com");

        HttpResult noAction = Http.postForm(actionUrl(), Map.of("token", InvitationApiIT.token(link)), null);
        HttpResult oddAction = Http.postForm(actionUrl(),
                Map.of("token", InvitationApiIT.token(link), "action", "accept-for-everyone"), null);
        HttpResult noToken = Http.postForm(actionUrl(), Map.of("action", "decline"), null);
        HttpResult unknownToken = Http.postForm(actionUrl(), Map.of("token", "B".repeat(43), "action", "decline"), null);

        assertThat(noAction.status()).isEqualTo(400);
        assertThat(noAction.body()).contains("Choose whether to accept or decline");
        assertThat(oddAction.status()).isEqualTo(400);
        assertThat(noToken.status()).isEqualTo(404);
        assertThat(unknownToken.status()).isEqualTo(404);
        assertThat(invitationFor("undecided@example.com").path("status").asText()).isEqualTo("pending");
    }

    @Test
    void theLinkShowsTheSameChoicesWhetherOrNotTheAddressHasAnAccount() {
        realm.createUser("existing");
        HttpResult forNewcomer = Http.get(link("newcomer@example.com", "member"), null);
        HttpResult forExisting = Http.get(link("existing@example.com", "member"), null);

        for (HttpResult page : List.of(forNewcomer, forExisting)) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Join ACME", "member", "UTC", "Already have an account?",
                    "Sign in to accept", "Create account and join", "Decline");
        }
        // Apart from the address and the token, the two pages are the same page.
        assertThat(neutral(forExisting.body(), "existing@example.com"))
                .isEqualTo(neutral(forNewcomer.body(), "newcomer@example.com"));
    }

    private static String neutral(String page, String email) {
        return page.replace(email, "EMAIL").replaceAll("tenancy-invitation-expires\">[^<]*<", "").replaceAll("token\" value=\"[^\"]*\"", "token")
                .replaceAll("(tab_id|session_code|execution|client_id|kc_locale)=[^&\"]*", "")
                .replaceAll("[A-Za-z0-9_-]{43}", "TOKEN");
    }

    @Test
    void anExpiredLinkSaysSoAndTheInvitationBecomesExpired() throws Exception {
        String link = link("late@example.com");
        String id = invitationFor("late@example.com").path("id").asText();
        try (Connection connection = realm.server().database().openJdbc();
             PreparedStatement update = connection.prepareStatement(
                     "update TENANCY_INVITATION set EXPIRES_AT = ? where ID = ?")) {
            update.setLong(1, System.currentTimeMillis() - 1000);
            update.setString(2, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        HttpResult page = Http.get(link, null);

        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("This invitation has expired");
        assertThat(invitationFor("late@example.com").path("status").asText()).isEqualTo("expired");
        JsonNode events = Http.get(realm.adminUrl() + "/events?type=INVITE_ORG_ERROR&max=200", realm.adminToken()).json();
        assertThat(events.toString()).contains("invitation_expired", id);
    }

    @Test
    void aRejectedRegistrationChangesNothing() {
        String link = mailedLink("careful@example.com", "member");

        HttpResult mismatch = Http.postForm(actionUrl(), registration(link, "careful", "Secret-123", "Secret-124"), null);
        HttpResult noPassword = Http.postForm(actionUrl(), registration(link, "careful", "", ""), null);

        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body()).contains("Password confirmation doesn");
        assertThat(noPassword.status()).isEqualTo(400);
        assertThat(Http.get(realm.adminUrl() + "/users?email=careful@example.com&exact=true", realm.adminToken())
                .json()).isEmpty();
        assertThat(invitationFor("careful@example.com").path("status").asText()).isEqualTo("pending");
    }

    @Test
    void registrationFromAMailedLinkCreatesAVerifiedMemberWithRolesAndGroupsThenSignsIn() {
        String link = mailedLink("newbie@example.com", "operator");

        HttpResult registered = Http.postForm(actionUrl(), registration(link, "newbie", "Secret-123", "Secret-123"),
                null);

        assertThat(registered.status()).isEqualTo(303);
        assertThat(registered.header("Location")).contains("/login-actions/authenticate");
        JsonNode user = Http.get(realm.adminUrl() + "/users?email=newbie@example.com&exact=true", realm.adminToken())
                .json().path(0);
        assertThat(user.path("username").asText()).isEqualTo("newbie");
        assertThat(user.path("emailVerified").asBoolean()).isTrue();
        String userId = user.path("id").asText();
        JsonNode member = Http.get(tenancy.adminApi() + "/tenants/" + tenant + "/members/" + userId,
                realm.adminToken()).json();
        assertThat(Json.texts(member.path("roles"))).containsExactly("operator");
        JsonNode groups = Http.get(realm.adminUrl() + "/users/" + userId + "/groups", realm.adminToken()).json();
        assertThat(groups.path(0).path("path").asText()).isEqualTo("/support");
        JsonNode invitation = invitationFor("newbie@example.com");
        assertThat(invitation.path("status").asText()).isEqualTo("accepted");
        assertThat(invitation.path("acceptedBy").asText()).isEqualTo(userId);
        JsonNode events = Http.get(realm.adminUrl() + "/events?type=INVITE_ORG&user=" + userId, realm.adminToken())
                .json();
        assertThat(events.path(0).path("details").path("org_id").asText()).isEqualTo(tenant);
        JsonNode registeredEvent = Http.get(realm.adminUrl() + "/events?type=REGISTER&user=" + userId,
                realm.adminToken()).json().path(0);
        assertThat(registeredEvent.path("details").path("tenancy_invitation_id").asText())
                .isEqualTo(invitation.path("id").asText());
        assertThat(registeredEvent.path("details").path("email").asText()).isEqualTo("newbie@example.com");

        HttpResult again = Http.get(link, null);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.body()).contains("already been accepted");

        HttpResult token = Http.postForm(realm.tokenUrl(), Map.of("grant_type", "password",
                "client_id", TestRealm.TEST_CLIENT, "username", "newbie", "password", "Secret-123"), null);
        TenancyApi.expect(200, token, "password grant of the new member");
        JsonNode claims = TestRealm.decodeClaims(token.json().path("access_token").asText());
        assertThat(Json.texts(claims.path("tenants").path("acme").path("roles"))).containsExactly("operator");
    }

    @Test
    void aShownLinkTakesNoPasswordAndMailsTheAddressOwnerToChooseOne() {
        String link = link("ceo@victim.example", "operator");
        assertThat(Http.get(link, null).body()).doesNotContain("id=\"password\"")
                .contains("confirm the address and choose your password");
        int before = mail.received();

        HttpResult registered = Http.postForm(actionUrl(), registration(link, "hijacker", "Secret-123", "Secret-123"),
                null);

        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.body()).contains("We sent an email to ceo@victim.example");
        JsonNode user = Http.get(realm.adminUrl() + "/users?email=ceo@victim.example&exact=true", realm.adminToken())
                .json().path(0);
        String userId = user.path("id").asText();
        assertThat(user.path("emailVerified").asBoolean()).isFalse();
        assertThat(Json.texts(user.path("requiredActions")))
                .contains("VERIFY_EMAIL", "UPDATE_PASSWORD", "tenancy-accept-invitation");
        // The squatter's password was never stored: no credential at all until the mailbox owner sets one.
        assertThat(Http.get(realm.adminUrl() + "/users/" + userId + "/credentials", realm.adminToken()).json())
                .isEmpty();
        MailServer.Mail setup = mail.lastTo("ceo@victim.example", before + 1);
        assertThat(setup.text() == null ? setup.html() : setup.text()).contains("login-actions/action-token");
        assertThat(invitationFor("ceo@victim.example").path("status").asText()).isEqualTo("pending");
        TenancyApi.expect(404, Http.get(tenancy.adminApi() + "/tenants/" + tenant + "/members/" + userId,
                realm.adminToken()), "not a member before verifying");
        HttpResult token = Http.postForm(realm.tokenUrl(), Map.of("grant_type", "password",
                "client_id", TestRealm.TEST_CLIENT, "username", "hijacker", "password", "Secret-123"), null);
        assertThat(token.status()).isNotEqualTo(200);
        JsonNode registeredEvent = Http.get(realm.adminUrl() + "/events?type=REGISTER&user=" + userId,
                realm.adminToken()).json().path(0);
        assertThat(registeredEvent.path("details").path("tenancy_invitation_id").asText())
                .isEqualTo(invitationFor("ceo@victim.example").path("id").asText());
    }

    @Test
    void withoutSmtpAShownLinkCannotMakeAnAccountAndTheAdminIsWarned() {
        var noSmtp = Json.object();
        noSmtp.putObject("smtpServer");
        TenancyApi.expect(204, Http.put(realm.adminUrl(), realm.adminToken(), noSmtp), "remove SMTP");
        try {
            HttpResult created = Http.post(invitations(), realm.adminToken(), body("nosmtp@example.com", false));
            TenancyApi.expect(201, created, "invite without mail");
            assertThat(created.json().path("warning").asText()).contains("SMTP");
            String link = created.json().path("link").asText();
            TOKENS.add(InvitationApiIT.token(link));

            HttpResult registered = Http.postForm(actionUrl(), registration(link, "nosmtp", "Secret-123",
                    "Secret-123"), null);

            assertThat(registered.status()).isEqualTo(409);
            assertThat(registered.body()).contains("A new account cannot be created from this invitation link");
            assertThat(Http.get(realm.adminUrl() + "/users?email=nosmtp@example.com&exact=true", realm.adminToken())
                    .json()).isEmpty();
            assertThat(invitationFor("nosmtp@example.com").path("status").asText()).isEqualTo("pending");
        } finally {
            mail.configure(realm);
        }
        assertThat(Http.post(invitations(), realm.adminToken(), body("smtp-again@example.com", false)).json()
                .has("warning")).isFalse();
    }

    @Test
    void aMembersInvitationIsVoidOnceTheInviterMayNoLongerInviteOrIsDisabled() {
        String demoted = realm.createUser("vic");
        tenancy.setRoles(tenant, demoted, "admin");
        String disabled = realm.createUser("dina");
        tenancy.setRoles(tenant, disabled, "admin");
        String selfService = tenancy.selfService() + "/tenants/" + tenant + "/invitations";
        String fromDemoted = mailed(realm.userToken("vic"), selfService,
                Json.object().put("email", "from-vic@example.com"));
        String fromDisabled = mailed(realm.userToken("dina"), selfService,
                Json.object().put("email", "from-dina@example.com"));
        tenancy.setRoles(tenant, demoted, "member");
        var inviter = (com.fasterxml.jackson.databind.node.ObjectNode) Http.get(realm.adminUrl() + "/users/"
                + disabled, realm.adminToken()).json();
        TenancyApi.expect(204, Http.put(realm.adminUrl() + "/users/" + disabled, realm.adminToken(),
                inviter.put("enabled", false)), "disable the inviter");

        HttpResult opened = Http.get(fromDemoted, null);
        HttpResult registered = Http.postForm(actionUrl(), registration(fromDisabled, "fromdina", "Secret-123",
                "Secret-123"), null);

        for (HttpResult page : List.of(opened, registered)) {
            assertThat(page.status()).isEqualTo(410);
            assertThat(page.body()).contains("the person who sent it can no longer invite to this tenant");
        }
        assertThat(invitationFor("from-vic@example.com").path("status").asText()).isEqualTo("void");
        assertThat(invitationFor("from-dina@example.com").path("status").asText()).isEqualTo("void");
        assertThat(Http.get(realm.adminUrl() + "/users?email=from-dina@example.com&exact=true", realm.adminToken())
                .json()).isEmpty();
        JsonNode events = Http.get(realm.adminUrl() + "/events?type=INVITE_ORG_ERROR&max=500", realm.adminToken())
                .json();
        assertThat(events.toString()).contains("invitation_void");
    }

    @Test
    void theMemberMadeInvitationsOfAnInviterWhoLeavesOrIsDeletedAreVoidAtOnce() {
        String leaver = realm.createUser("leo");
        tenancy.setRoles(tenant, leaver, "admin");
        String deleted = realm.createUser("dee");
        tenancy.setRoles(tenant, deleted, "admin");
        String selfService = tenancy.selfService() + "/tenants/" + tenant + "/invitations";
        mailed(realm.userToken("leo"), selfService, Json.object().put("email", "from-leo@example.com"));
        mailed(realm.userToken("dee"), selfService, Json.object().put("email", "from-dee@example.com"));
        // An admin's invitation does not rest on a member's authority: it stays.
        mailedLink("from-admin@example.com");

        TenancyApi.expect(204, Http.delete(tenancy.adminApi() + "/tenants/" + tenant + "/members/" + leaver,
                realm.adminToken()), "the inviter leaves");
        TenancyApi.expect(204, Http.delete(realm.adminUrl() + "/users/" + deleted, realm.adminToken()),
                "the inviter is deleted");

        assertThat(invitationFor("from-leo@example.com").path("status").asText()).isEqualTo("void");
        assertThat(invitationFor("from-dee@example.com").path("status").asText()).isEqualTo("void");
        assertThat(invitationFor("from-admin@example.com").path("status").asText()).isEqualTo("pending");
        TenancyApi.expect(200, Http.get(invitations() + "?status=void", realm.adminToken()), "filter by void");
    }

    @Test
    void atAcceptanceRolesTheInviterCanNoLongerGrantAndGroupsOfAMemberAreDroppedAndNamed() throws Exception {
        // The default roles, and 'recruiter': invites, but stands below 'admin'.
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-tenant", "manage-members", "manage-invitations",
                                                       "manage-api-keys", "manage-credentials", "view-members"]},
                           "operator": {"permissions": ["view-members"]}, "member": {},
                           "recruiter": {"permissions": ["manage-invitations", "view-members"]}}}
                """);
        String manager = realm.createUser("manny");
        tenancy.setRoles(tenant, manager, "admin", "recruiter");
        String leaver = realm.createUser("lou");
        tenancy.setRoles(tenant, leaver, "admin", "member");
        String selfService = tenancy.selfService() + "/tenants/" + tenant + "/invitations";
        var byManager = Json.object().put("email", "demoted@example.com");
        byManager.putArray("roles").add("admin").add("operator");
        String demotedLink = mailed(realm.userToken("manny"), selfService, byManager);
        var byLeaver = Json.object().put("email", "orphan@example.com");
        // 'operator' (view-members) needs a grantor who holds something; 'member' gives nothing, anyone grants it.
        byLeaver.putArray("roles").add("operator");
        String orphanLink = mailed(realm.userToken("lou"), selfService, byLeaver);
        // A group on a member's invitation (the API refuses that; here it is written straight into the table).
        String support = Http.get(realm.adminUrl() + "/groups?search=support&exact=true", realm.adminToken()).json()
                .path(0).path("id").asText();
        try (Connection connection = realm.server().database().openJdbc();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into TENANCY_INVITATION_GROUP (ID, INVITATION_ID, GROUP_ID) values (?, ?, ?)")) {
            insert.setString(1, java.util.UUID.randomUUID().toString());
            insert.setString(2, invitationFor("demoted@example.com").path("id").asText());
            insert.setString(3, support);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        // Manny still invites as 'recruiter', but 'admin' is now above him; 'operator' is not.
        tenancy.setRoles(tenant, manager, "recruiter");
        TenancyApi.expect(204, Http.delete(tenancy.adminApi() + "/tenants/" + tenant + "/members/" + leaver,
                realm.adminToken()), "the inviter leaves");

        HttpResult demoted = Http.postForm(actionUrl(), registration(demotedLink, "demoted", "Secret-123",
                "Secret-123"), null);
        HttpResult orphan = Http.postForm(actionUrl(), registration(orphanLink, "orphan", "Secret-123",
                "Secret-123"), null);

        assertThat(demoted.status()).isEqualTo(200);
        assertThat(demoted.body()).contains("Invitation accepted", "Roles not granted", "admin",
                "Groups not granted", "/support", "login-actions/authenticate");
        assertThat(rolesOf("demoted@example.com")).containsExactly("operator");
        String demotedId = userId("demoted@example.com");
        assertThat(Http.get(realm.adminUrl() + "/users/" + demotedId + "/groups", realm.adminToken()).json())
                .isEmpty();
        // The inviter who left took the invitation's authority along: nothing is granted, no account made.
        assertThat(orphan.status()).isEqualTo(410);
        assertThat(orphan.body()).contains("can no longer invite to this tenant");
        assertThat(Http.get(realm.adminUrl() + "/users?email=orphan@example.com&exact=true", realm.adminToken())
                .json()).isEmpty();
        assertThat(invitationFor("orphan@example.com").path("status").asText()).isEqualTo("void");
    }

    @Test
    void aRedirectNoLongerValidForTheClientIsNotUsedAtAcceptance() {
        var client = Json.object().put("clientId", "landing-app").put("publicClient", true)
                .put("standardFlowEnabled", true);
        client.putArray("redirectUris").add("https://app.example/*");
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/clients", realm.adminToken(), client), "create client");
        var invitation = Json.object().put("email", "landing@example.com").put("clientId", "landing-app")
                .put("redirectUri", "https://app.example/welcome");
        String link = mailed(realm.adminToken(), invitations(), invitation);
        client.putArray("redirectUris").add("https://elsewhere.example/*");
        TenancyApi.expect(204, Http.put(realm.adminUrl() + "/clients/" + realm.clientUuid("landing-app"),
                realm.adminToken(), client), "change the client's redirect URIs");

        HttpResult registered = Http.postForm(actionUrl(), registration(link, "lander", "Secret-123", "Secret-123"),
                null);

        assertThat(registered.status()).isEqualTo(303);
        assertThat(registered.header("Location")).contains("/login-actions/authenticate", "client_id=")
                .doesNotContain("client_id=landing-app");
        assertThat(invitationFor("landing@example.com").path("status").asText()).isEqualTo("accepted");
    }

    private static String userId(String email) {
        return Http.get(realm.adminUrl() + "/users?email=" + email + "&exact=true", realm.adminToken()).json()
                .path(0).path("id").asText();
    }

    private static List<String> rolesOf(String email) {
        return Json.texts(Http.get(tenancy.adminApi() + "/tenants/" + tenant + "/members/" + userId(email),
                realm.adminToken()).json().path("roles"));
    }

    @Test
    void declineEndsTheInvitation() {
        String link = link("nothanks@example.com");

        HttpResult declined = Http.postForm(actionUrl(),
                Map.of("token", InvitationApiIT.token(link), "action", "decline"), null);

        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.body()).contains("You declined the invitation");
        assertThat(invitationFor("nothanks@example.com").path("status").asText()).isEqualTo("declined");
        assertThat(Http.get(link, null).body()).contains("This invitation was declined");
        TenancyApi.expect(409, Http.post(invitations() + "/" + invitationFor("nothanks@example.com").path("id").asText()
                + "/revoke", realm.adminToken(), null), "revoke a declined invitation");
    }

    @Test
    void ofFiftyConcurrentAcceptsOfOneLinkExactlyOneSucceeds() throws Exception {
        String link = mailedLink("race@example.com", "member");
        int attempts = 50;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                Map<String, String> form = registration(link, "racer" + i, "Secret-123", "Secret-123");
                Callable<HttpResult> accept = () -> {
                    start.await();
                    return Http.postForm(actionUrl(), form, null);
                };
                results.add(pool.submit(accept));
            }
            start.countDown();
            int won = 0;
            List<String> refusals = new ArrayList<>();
            for (Future<HttpResult> result : results) {
                HttpResult page = result.get();
                if (page.status() == 303) {
                    won++;
                } else {
                    refusals.add(page.status() + (page.body().contains("This invitation is no longer valid")
                            ? " no-longer-valid" : " other: " + page.body().substring(0, Math.min(300,
                            page.body().length()))));
                }
            }
            assertThat(won).isEqualTo(1);
            assertThat(refusals).hasSize(attempts - 1)
                    .allMatch(refusal -> refusal.matches("(409|410) no-longer-valid"), "409/410 no-longer-valid");
        } finally {
            pool.shutdownNow();
        }
        assertThat(Http.get(realm.adminUrl() + "/users?email=race@example.com&exact=true", realm.adminToken()).json())
                .hasSize(1);
        assertThat(invitationFor("race@example.com").path("status").asText()).isEqualTo("accepted");
    }
}
