package dev.tenancy.keycloak.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.secret.SecretHash;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.SecretScan;
import dev.tenancy.keycloak.support.Tenancy;
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

    private static final List<String> TOKENS = new CopyOnWriteArrayList<>();
    private static long logMark;
    private static Tenancy tenancy;
    private static String tenant;

    @BeforeAll
    static void setUp() {
        logMark = realm.server().logMark();
        tenancy = new Tenancy(realm);
        Tenancy.expect(204, Http.put(realm.adminUrl(), realm.adminToken(), Json.object().put("eventsEnabled", true)),
                "enable events");
        tenant = tenancy.createTenant("acme");
        tenancy.addClaimsMapperToTestClient();
        Tenancy.expect(201, Http.post(realm.adminUrl() + "/groups", realm.adminToken(),
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

    /** Creates an invitation without mail and returns its link. */
    private static String link(String email, String... roles) {
        var body = Json.object().put("email", email).put("sendEmail", false);
        var roleArray = body.putArray("roles");
        for (String role : roles) {
            roleArray.add(role);
        }
        body.putArray("groups").add("/support");
        HttpResult created = Http.post(invitations(), realm.adminToken(), body);
        Tenancy.expect(201, created, "invite " + email);
        String link = created.json().path("link").asText();
        TOKENS.add(InvitationApiIT.token(link));
        return link;
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
    void theLinkShowsTenantRolesAndExpiryAndOffersRegistrationOrSignIn() {
        realm.createUser("existing");
        HttpResult forNewcomer = Http.get(link("newcomer@example.com", "operator"), null);
        HttpResult forExisting = Http.get(link("existing@example.com", "member"), null);

        assertThat(forNewcomer.status()).isEqualTo(200);
        assertThat(forNewcomer.body()).contains("Join ACME", "newcomer@example.com", "operator", "UTC",
                "Create account and join", "Decline");
        assertThat(forExisting.status()).isEqualTo(200);
        assertThat(forExisting.body()).contains("Join ACME", "Sign in to accept").doesNotContain("Create account");
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
        String link = link("careful@example.com", "member");

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
    void registrationCreatesAVerifiedMemberWithRolesAndGroupsThenSignsIn() {
        String link = link("newbie@example.com", "operator");

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

        HttpResult again = Http.get(link, null);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.body()).contains("already been accepted");

        HttpResult token = Http.postForm(realm.tokenUrl(), Map.of("grant_type", "password",
                "client_id", TestRealm.TEST_CLIENT, "username", "newbie", "password", "Secret-123"), null);
        Tenancy.expect(200, token, "password grant of the new member");
        JsonNode claims = TestRealm.decodeClaims(token.json().path("access_token").asText());
        assertThat(Json.texts(claims.path("tenants").path("acme").path("roles"))).containsExactly("operator");
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
        Tenancy.expect(409, Http.post(invitations() + "/" + invitationFor("nothanks@example.com").path("id").asText()
                + "/revoke", realm.adminToken(), null), "revoke a declined invitation");
    }

    @Test
    void ofFiftyConcurrentAcceptsOfOneLinkExactlyOneSucceeds() throws Exception {
        String link = link("race@example.com", "member");
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
