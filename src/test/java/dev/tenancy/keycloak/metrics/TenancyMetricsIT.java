package dev.tenancy.keycloak.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.InvitationForms;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.MailServer;
import dev.tenancy.keycloak.support.MetricsScrape;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import dev.tenancy.keycloak.support.probe.RollbackProbeEventListenerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The meters at {@code /metrics} on the management port, read before and after each kind of action: exactly
 * the expected series grow, by exactly the expected amount. Test classes run one after the other on the one
 * server, so nothing else counts meanwhile.
 */
class TenancyMetricsIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    @RegisterExtension
    static final MailServer mail = new MailServer();

    private static final String SERVICE = TestRealm.SERVICE_CLIENT + ":" + TestRealm.SERVICE_SECRET;
    private static final String FLOOD_CLIENT = "metrics-flood";
    private static final String FLOOD = FLOOD_CLIENT + ":flood-secret";

    private static final String VERIFICATIONS = "tenancy_api_key_verifications_total";
    private static final String VERIFICATION_TIMES = "tenancy_api_key_verification_duration_seconds_count";
    private static final String EXCHANGES = "tenancy_api_key_exchanges_total";
    private static final String INVITATIONS = "tenancy_invitations_total";
    private static final String REVEALS = "tenancy_credential_reveals_total";

    private static TenancyApi tenancy;
    private static String acme;

    @BeforeAll
    static void setUp() {
        tenancy = new TenancyApi(realm);
        mail.configure(realm);
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-members", "manage-invitations", "manage-api-keys",
                                                     "manage-credentials", "view-members"]},
                           "operator": {}, "member": {}},
                 "modules": {"billing": {"admin": "admin", "operator": "write", "member": "read"}},
                 "apiKeyClients": ["tenancy-service", "metrics-flood"],
                 "apiKeyIntrospectionClients": ["tenancy-service", "metrics-flood"]}
                """);
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/clients", realm.adminToken(), Json.object()
                .put("clientId", FLOOD_CLIENT).put("publicClient", false).put("secret", "flood-secret")
                .put("serviceAccountsEnabled", true).put("standardFlowEnabled", false)), "create " + FLOOD_CLIENT);
        realm.addDefaultScope(FLOOD_CLIENT, TestRealm.TENANCY_SCOPE);
        acme = tenancy.createTenant("acme");
        tenancy.setRoles(acme, realm.createUser("kim"), "operator");
        tenancy.setRoles(acme, realm.createUser("keeper"), "admin");
        realm.createUser("olga");
    }

    private static MetricsScrape scrape() {
        return MetricsScrape.of(realm.server());
    }

    @Test
    void theMetersAreServedAtZeroBeforeTheirFirstEvent() {
        MetricsScrape now = scrape();

        for (String path : List.of("exchange", "introspection", "legacy_introspection")) {
            for (String outcome : List.of("active", "inactive", "rate_limited")) {
                assertThat(now.has(VERIFICATIONS, "path", path, "outcome", outcome)).as(path + " " + outcome).isTrue();
            }
        }
        for (String transition : List.of("created", "resent", "accepted", "declined", "revoked", "expired", "voided")) {
            assertThat(now.has(INVITATIONS, "transition", transition)).as(transition).isTrue();
        }
        assertThat(now.has("tenancy_credential_rewrap_pending")).isTrue();
        assertThat(now.has(VERIFICATIONS, "realm", realm.name())).as("no realm tag by default").isFalse();
    }

    @Test
    void eachIntrospectionCountsOnItsPathWithItsAnswer() {
        String[] key = newKey();
        MetricsScrape before = scrape();

        assertThat(legacyIntrospect(key[1], SERVICE).json().path("active").asBoolean()).isTrue();
        assertThat(introspect(key[1], SERVICE).json().path("active").asBoolean()).isTrue();
        revoke(key);
        assertThat(introspect(key[1], SERVICE).json().path("active").asBoolean()).isFalse();
        assertThat(legacyIntrospect("garbage", SERVICE).json().path("active").asBoolean()).isFalse();

        MetricsScrape after = scrape();
        assertThat(after.since(before, VERIFICATIONS, "path", "legacy_introspection", "outcome", "active")).isEqualTo(1);
        assertThat(after.since(before, VERIFICATIONS, "path", "legacy_introspection", "outcome", "inactive"))
                .isEqualTo(1);
        assertThat(after.since(before, VERIFICATIONS, "path", "introspection", "outcome", "active")).isEqualTo(1);
        assertThat(after.since(before, VERIFICATIONS, "path", "introspection", "outcome", "inactive")).isEqualTo(1);
        assertThat(after.since(before, VERIFICATIONS, "outcome", "rate_limited")).isZero();
        assertThat(after.since(before, VERIFICATIONS, "path", "exchange")).isZero();
        assertThat(after.since(before, VERIFICATION_TIMES, "path", "introspection", "outcome", "inactive"))
                .isEqualTo(1);
        assertThat(after.since(before, VERIFICATION_TIMES)).isEqualTo(4);
    }

    @Test
    void thirtyFailuresMakeTheNextPresentationsRateLimitedOnEveryPath() {
        MetricsScrape before = scrape();

        for (int i = 0; i < 30; i++) {
            TenancyApi.expect(200, legacyIntrospect("tnc_not-a-key-" + i, FLOOD), "failure " + i);
        }
        HttpResult introspected = introspect("tnc_not-a-key", FLOOD);
        HttpResult exchanged = exchange(Map.of("api_key", "tnc_not-a-key"), FLOOD);

        assertThat(introspected.status()).isEqualTo(429);
        assertThat(exchanged.status()).isEqualTo(429);
        MetricsScrape after = scrape();
        assertThat(after.since(before, VERIFICATIONS, "path", "legacy_introspection", "outcome", "inactive"))
                .isEqualTo(30);
        assertThat(after.since(before, VERIFICATIONS, "path", "introspection", "outcome", "rate_limited")).isEqualTo(1);
        assertThat(after.since(before, VERIFICATIONS, "path", "exchange", "outcome", "rate_limited")).isEqualTo(1);
        assertThat(after.since(before, VERIFICATIONS, "outcome", "active")).isZero();
        assertThat(after.since(before, EXCHANGES, "outcome", "rate_limited")).isEqualTo(1);
        assertThat(after.since(before, EXCHANGES)).isEqualTo(1);
        assertThat(after.since(before, VERIFICATION_TIMES)).as("a rate-limited answer is not timed").isEqualTo(30);
    }

    @Test
    void exchangesCountByOutcome() {
        String[] key = newKey();
        MetricsScrape before = scrape();

        TenancyApi.expect(200, exchange(Map.of("api_key", key[1]), SERVICE), "exchange a working key");
        revoke(key);
        TenancyApi.expect(400, exchange(Map.of("api_key", key[1]), SERVICE), "exchange a revoked key");
        TenancyApi.expect(400, exchange(Map.of(), SERVICE), "exchange without a key");

        MetricsScrape after = scrape();
        assertThat(after.since(before, EXCHANGES, "outcome", "issued")).isEqualTo(1);
        assertThat(after.since(before, EXCHANGES, "outcome", "inactive")).isEqualTo(1);
        assertThat(after.since(before, EXCHANGES, "outcome", "refused")).isEqualTo(1);
        assertThat(after.since(before, EXCHANGES, "outcome", "rate_limited")).isZero();
        assertThat(after.since(before, VERIFICATIONS, "path", "exchange", "outcome", "active")).isEqualTo(1);
        assertThat(after.since(before, VERIFICATIONS, "path", "exchange", "outcome", "inactive")).isEqualTo(1);
        assertThat(after.since(before, VERIFICATIONS, "path", "exchange")).as("a request without a key reads none")
                .isEqualTo(2);
    }

    @Test
    void everyInvitationTransitionCountsOnceCommittedAndARolledBackAcceptanceNotAtAll() throws Exception {
        String vic = realm.createUser("vic");
        tenancy.setRoles(acme, vic, "admin");
        MetricsScrape before = scrape();

        String revoked = invite("revoked@example.com");
        TenancyApi.expect(200, Http.post(invitations() + "/" + revoked + "/resend", realm.adminToken(),
                "{\"sendEmail\": false}"), "resend");
        TenancyApi.expect(200, Http.post(invitations() + "/" + revoked + "/revoke", realm.adminToken(), null),
                "revoke");
        TenancyApi.expect(409, Http.post(invitations() + "/" + revoked + "/revoke", realm.adminToken(), null),
                "revoke again");
        String declined = mailedToken(realm.adminToken(), invitations(), "declined@example.com");
        TenancyApi.expect(200, Http.postForm(actionUrl(), Map.of("token", declined, "action", "decline"), null),
                "decline");
        String accepted = mailedToken(realm.adminToken(), invitations(), "accepted@example.com");
        useRollbackListener(true);
        HttpResult rolledBack = Http.postForm(actionUrl(), InvitationForms.registration(accepted, "acceptor"), null);
        useRollbackListener(false);
        assertThat(invitationFor("accepted@example.com").path("status").asText()).as("after " + rolledBack)
                .isEqualTo("pending");
        MetricsScrape afterRollback = scrape();
        TenancyApi.expect(303, Http.postForm(actionUrl(), InvitationForms.registration(accepted, "acceptor"), null), "accept");
        String expired = invite("expired@example.com");
        pastItsTime(expired);
        TenancyApi.expect(200, Http.post(realm.url() + "/tenancy-probe-tasks/tenancy-invitation-expiry", null, null),
                "run the invitation expiry task");
        mailedToken(realm.userToken("vic"), tenancy.selfService() + "/tenants/" + acme + "/invitations",
                "voided@example.com");
        TenancyApi.expect(204, Http.delete(tenancy.adminApi() + "/tenants/" + acme + "/members/" + vic,
                realm.adminToken()), "the inviter leaves");

        MetricsScrape after = scrape();
        assertThat(afterRollback.since(before, INVITATIONS, "transition", "accepted")).isZero();
        assertThat(after.since(before, INVITATIONS, "transition", "created")).isEqualTo(5);
        assertThat(after.since(before, INVITATIONS, "transition", "resent")).isEqualTo(1);
        assertThat(after.since(before, INVITATIONS, "transition", "revoked")).isEqualTo(1);
        assertThat(after.since(before, INVITATIONS, "transition", "declined")).isEqualTo(1);
        assertThat(after.since(before, INVITATIONS, "transition", "accepted")).isEqualTo(1);
        assertThat(after.since(before, INVITATIONS, "transition", "expired")).isEqualTo(1);
        assertThat(after.since(before, INVITATIONS, "transition", "voided")).isEqualTo(1);
        assertThat(after.since(before, INVITATIONS)).isEqualTo(11);
        assertThat(invitationFor("voided@example.com").path("status").asText()).isEqualTo("void");
    }

    @Test
    void revealsCountByScopeAndOutcome() throws Exception {
        String mine = tenancy.selfService() + "/me/credentials";
        String tenants = tenancy.selfService() + "/tenants/" + acme + "/credentials";
        String system = tenancy.adminApi() + "/credentials";
        String users = credential(mine, realm.userToken("olga"), Json.object());
        String deactivated = credential(mine, realm.userToken("olga"), Json.object());
        String tenantOne = credential(tenants, realm.userToken("keeper"), Json.object());
        String unreadable = credential(tenants, realm.userToken("keeper"), Json.object());
        String realms = credential(system, realm.adminToken(), Json.object().put("scope", "SYSTEM"));
        TenancyApi.expect(200, Http.put(mine + "/" + deactivated, realm.userToken("olga"), "{\"active\": false}"),
                "deactivate");
        flipCiphertext(unreadable);
        MetricsScrape before = scrape();

        TenancyApi.expect(200, reveal(mine + "/" + users, realm.userToken("olga")), "reveal a user's");
        TenancyApi.expect(200, reveal(tenants + "/" + tenantOne, realm.userToken("keeper")), "reveal a tenant's");
        TenancyApi.expect(200, reveal(system + "/" + realms, realm.adminToken()), "reveal the realm's");
        TenancyApi.expect(409, reveal(mine + "/" + deactivated, realm.userToken("olga")), "reveal a deactivated");
        TenancyApi.expect(500, reveal(tenants + "/" + unreadable, realm.userToken("keeper")), "reveal an altered");
        assertThat(reveal(tenants + "/" + tenantOne, realm.userToken("olga")).status()).as("a stranger's reveal")
                .isIn(403, 404);

        MetricsScrape after = scrape();
        assertThat(after.since(before, REVEALS, "scope", "user", "outcome", "revealed")).isEqualTo(1);
        assertThat(after.since(before, REVEALS, "scope", "tenant", "outcome", "revealed")).isEqualTo(1);
        assertThat(after.since(before, REVEALS, "scope", "system", "outcome", "revealed")).isEqualTo(1);
        assertThat(after.since(before, REVEALS, "scope", "user", "outcome", "deactivated")).isEqualTo(1);
        assertThat(after.since(before, REVEALS, "scope", "tenant", "outcome", "unreadable")).isEqualTo(1);
        assertThat(after.since(before, REVEALS)).as("a refused caller reads nothing").isEqualTo(5);
    }

    @Test
    void aRewrapRunCountsItsCredentialsAndLeavesNothingPending() {
        TestRealm other = new TestRealm();
        other.create("metrics-rewrap");
        try {
            TenancyApi otherTenancy = new TenancyApi(other);
            for (int i = 0; i < 3; i++) {
                credential(otherTenancy.adminApi() + "/credentials", other.adminToken(),
                        Json.object().put("scope", "SYSTEM"));
            }
            String keys = otherTenancy.adminApi() + "/keys";
            MetricsScrape before = scrape();

            TenancyApi.expect(200, Http.post(keys + "/rotate", other.adminToken(), "{\"version\": 2}"), "rotate");
            TenancyApi.expect(202, Http.post(keys + "/rewrap", other.adminToken(), null), "start the rewrap");
            JsonNode done = awaitRewrap(keys, other);

            MetricsScrape after = scrape();
            assertThat(done.path("rewrap").path("rewrapped").asLong()).isEqualTo(3);
            assertThat(after.since(before, "tenancy_credential_rewrap_runs_started_total")).isEqualTo(1);
            assertThat(after.since(before, "tenancy_credential_rewrap_runs_finished_total", "outcome", "completed"))
                    .isEqualTo(1);
            assertThat(after.since(before, "tenancy_credential_rewrap_runs_finished_total")).isEqualTo(1);
            assertThat(after.since(before, "tenancy_credential_rewrap_credentials_total", "outcome", "rewrapped"))
                    .isEqualTo(3);
            assertThat(after.since(before, "tenancy_credential_rewrap_credentials_total")).isEqualTo(3);
            assertThat(after.sum("tenancy_credential_rewrap_pending")).isZero();
        } finally {
            other.delete();
        }
    }

    /** A new key of kim for acme: {@code [id, key]}. */
    private static String[] newKey() {
        HttpResult created = Http.post(tenancy.selfService() + "/me/api-keys", realm.userToken("kim"), Json.object()
                .put("name", "metered").put("tenantId", acme).set("scopes", Json.array().add("billing:read")));
        TenancyApi.expect(201, created, "create key");
        return new String[] {created.json().path("id").asText(), created.json().path("key").asText()};
    }

    private static void revoke(String[] key) {
        TenancyApi.expect(200, Http.post(tenancy.selfService() + "/me/api-keys/" + key[0] + "/revoke",
                realm.userToken("kim"), null), "revoke");
    }

    private static HttpResult legacyIntrospect(String key, String clientAuth) {
        return Http.postForm(realm.url() + "/tenancy/api-keys/introspect", Map.of("token", key), clientAuth);
    }

    private static HttpResult introspect(String key, String clientAuth) {
        return Http.postForm(realm.tokenUrl() + "/introspect", Map.of("token", key, "token_type_hint", "api_key"),
                clientAuth);
    }

    private static HttpResult exchange(Map<String, String> parameters, String clientAuth) {
        Map<String, String> form = new LinkedHashMap<>(parameters);
        form.put("grant_type", "urn:tenancy:grant-type:api-key");
        return Http.postForm(realm.tokenUrl(), form, clientAuth);
    }

    private static String invitations() {
        return tenancy.adminApi() + "/tenants/" + acme + "/invitations";
    }

    private static String actionUrl() {
        return realm.url() + "/tenancy/invitation";
    }

    private static String invite(String email) {
        HttpResult created = Http.post(invitations(), realm.adminToken(),
                Json.object().put("email", email).put("sendEmail", false));
        TenancyApi.expect(201, created, "invite " + email);
        return created.json().path("id").asText();
    }

    /** Invites by mail and returns the token of the mailed link. */
    private static String mailedToken(String bearer, String url, String email) {
        int before = mail.received();
        TenancyApi.expect(201, Http.post(url, bearer, Json.object().put("email", email)), "invite " + email);
        String link = mail.lastTo(email, before + 1).invitationLink();
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private static JsonNode invitationFor(String email) {
        return Http.get(invitations() + "?email=" + email, realm.adminToken()).json().path(0);
    }

    /** Lists the probe's listener, which rolls back every acceptance of the realm, or takes it off again. */
    private static void useRollbackListener(boolean on) {
        ObjectNode listeners = Json.object();
        var names = listeners.putArray("eventsListeners").add("jboss-logging");
        if (on) {
            names.add(RollbackProbeEventListenerFactory.ID);
        }
        TenancyApi.expect(204, Http.put(realm.adminUrl(), realm.adminToken(), listeners), "event listeners");
    }

    private static void pastItsTime(String invitationId) throws Exception {
        try (Connection db = realm.server().database().openJdbc();
             PreparedStatement update = db.prepareStatement(
                     "update TENANCY_INVITATION set EXPIRES_AT = ? where ID = ?")) {
            update.setLong(1, System.currentTimeMillis() - 1000);
            update.setString(2, invitationId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static String credential(String url, String bearer, ObjectNode body) {
        HttpResult created = Http.post(url, bearer, body.put("name", "metered " + UUID.randomUUID())
                .put("provider", "github").put("type", "SECRET").put("value", "value-" + UUID.randomUUID()));
        TenancyApi.expect(201, created, "create a credential at " + url);
        return created.json().path("id").asText();
    }

    private static HttpResult reveal(String url, String bearer) {
        return Http.post(url + "/reveal", bearer, null);
    }

    private static void flipCiphertext(String id) throws Exception {
        try (Connection db = realm.server().database().openJdbc()) {
            String ciphertext;
            try (PreparedStatement select = db.prepareStatement(
                    "select CIPHERTEXT from TENANCY_CREDENTIAL where ID = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    ciphertext = row.getString(1);
                }
            }
            byte[] bytes = Base64.getDecoder().decode(ciphertext);
            bytes[bytes.length / 2] ^= 1;
            try (PreparedStatement update = db.prepareStatement(
                    "update TENANCY_CREDENTIAL set CIPHERTEXT = ? where ID = ?")) {
                update.setString(1, Base64.getEncoder().encodeToString(bytes));
                update.setString(2, id);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        }
    }

    private static JsonNode awaitRewrap(String keys, TestRealm in) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            JsonNode status = Http.get(keys, in.adminToken()).json();
            String state = status.path("rewrap").path("state").asText();
            if (!state.equals("RUNNING")) {
                assertThat(state).as("the rewrap's end; " + status).isEqualTo("COMPLETED");
                return status;
            }
            assertThat(Instant.now()).as("rewrap ended within 120 s; last status " + status).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
