package dev.tenancy.keycloak.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reading invitations writes nothing: a pending invitation past its time is shown, filtered and paged as
 * expired at once, and recorded as expired (with one admin event) by the scheduled task or by a new invitation
 * to the same address. Rows are put past their time over JDBC; the probe runs the scheduled task on demand.
 */
class InvitationExpiryIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static TenancyApi tenancy;

    @BeforeAll
    static void setUp() {
        tenancy = new TenancyApi(realm);
        TenancyApi.expect(204, Http.put(realm.adminUrl(), realm.adminToken(), Json.object()
                .put("adminEventsEnabled", true).put("adminEventsDetailsEnabled", true)), "enable admin events");
    }

    @Test
    void readingAnInvitationPastItsTimeShowsItExpiredAndWritesNothing() throws Exception {
        String tenant = tenancy.createTenant("reading");
        String late = invite(tenant, "late@example.com");
        String fresh = invite(tenant, "fresh@example.com");
        pastItsTime(late);

        JsonNode one = Http.get(invitations(tenant) + "/" + late, realm.adminToken()).json();
        JsonNode all = Http.get(invitations(tenant), realm.adminToken()).json();
        List<String> expired = ids(tenant, "expired", 0, 100);
        List<String> pending = ids(tenant, "pending", 0, 100);

        assertThat(one.path("status").asText()).isEqualTo("expired");
        assertThat(all.findValues("status").stream().map(JsonNode::asText)).containsExactly("pending", "expired");
        assertThat(expired).containsExactly(late);
        assertThat(pending).containsExactly(fresh);
        assertThat(stored(late)).isEqualTo("pending with key");
        assertThat(expireEvents(tenant, late)).isEmpty();
    }

    @Test
    void filtersAndPagesCountTheShownStatusNotTheStoredOne() throws Exception {
        String tenant = tenancy.createTenant("paging");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            created.add(invite(tenant, "page" + i + "@example.com"));
            Thread.sleep(5); // distinct creation times: the list is newest first
        }
        for (int i = 0; i < 6; i += 2) {
            pastItsTime(created.get(i));
        }

        assertThat(ids(tenant, "pending", 0, 2)).containsExactly(created.get(5), created.get(3));
        assertThat(ids(tenant, "pending", 2, 2)).containsExactly(created.get(1));
        assertThat(ids(tenant, "pending", 4, 2)).isEmpty();
        assertThat(ids(tenant, "expired", 0, 2)).containsExactly(created.get(4), created.get(2));
        assertThat(ids(tenant, "expired", 2, 2)).containsExactly(created.get(0));
        assertThat(ids(tenant, null, 0, 100)).hasSize(6);
        for (String id : created) {
            assertThat(stored(id)).isEqualTo("pending with key");
        }
    }

    @Test
    void theScheduledTaskRecordsEachExpiryOnceWithOneAdminEvent() throws Exception {
        String tenant = tenancy.createTenant("sweep");
        String late = invite(tenant, "swept@example.com");
        String fresh = invite(tenant, "waiting@example.com");
        pastItsTime(late);

        JsonNode run = runExpiryTask();
        runExpiryTask();

        assertThat(run.path("intervalMillis").asLong()).isEqualTo(15 * 60 * 1000L);
        assertThat(stored(late)).isEqualTo("expired");
        assertThat(stored(fresh)).isEqualTo("pending with key");
        List<JsonNode> events = expireEvents(tenant, late);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("operationType").asText()).isEqualTo("ACTION");
        assertThat(events.get(0).path("details").path("tenantId").asText()).isEqualTo(tenant);
        assertThat(events.get(0).path("representation").asText()).contains("\"status\":\"expired\"");
        assertThat(events.get(0).path("authDetails").path("userId").isMissingNode()
                || events.get(0).path("authDetails").path("userId").isNull()).isTrue();
        // The pending key is free again: the address can be invited anew.
        assertThat(Http.post(invitations(tenant), realm.adminToken(), body("swept@example.com")).status())
                .isEqualTo(201);
    }

    @Test
    void aResendOrRevokeOfAnInvitationPastItsTimeIsRefusedAndANewInvitationRecordsTheExpiry() throws Exception {
        String tenant = tenancy.createTenant("writes");
        String resent = invite(tenant, "resent@example.com");
        String revoked = invite(tenant, "revoked@example.com");
        String replaced = invite(tenant, "replaced@example.com");
        pastItsTime(resent);
        pastItsTime(revoked);
        pastItsTime(replaced);

        HttpResult resend = Http.post(invitations(tenant) + "/" + resent + "/resend", realm.adminToken(),
                "{\"sendEmail\": false}");
        HttpResult revoke = Http.post(invitations(tenant) + "/" + revoked + "/revoke", realm.adminToken(), null);
        HttpResult again = Http.post(invitations(tenant), realm.adminToken(), body("replaced@example.com"));

        assertThat(resend.status()).isEqualTo(409);
        assertThat(resend.body()).contains("no longer pending (expired)");
        assertThat(revoke.status()).isEqualTo(409);
        assertThat(revoke.body()).contains("no longer pending (expired)");
        assertThat(stored(resent)).isEqualTo("pending with key");
        assertThat(stored(revoked)).isEqualTo("pending with key");
        assertThat(again.status()).isEqualTo(201);
        assertThat(stored(replaced)).isEqualTo("expired");
        assertThat(expireEvents(tenant, replaced)).hasSize(1);
    }

    private static String invitations(String tenant) {
        return tenancy.adminApi() + "/tenants/" + tenant + "/invitations";
    }

    private static Object body(String email) {
        return Json.object().put("email", email).put("sendEmail", false);
    }

    private static String invite(String tenant, String email) {
        HttpResult created = Http.post(invitations(tenant), realm.adminToken(), body(email));
        TenancyApi.expect(201, created, "invite " + email);
        return created.json().path("id").asText();
    }

    private static List<String> ids(String tenant, String status, int first, int max) {
        String query = "?first=" + first + "&max=" + max + (status == null ? "" : "&status=" + status);
        HttpResult listed = Http.get(invitations(tenant) + query, realm.adminToken());
        TenancyApi.expect(200, listed, "list " + query);
        List<String> ids = new ArrayList<>();
        listed.json().forEach(invitation -> ids.add(invitation.path("id").asText()));
        return ids;
    }

    private static JsonNode runExpiryTask() {
        HttpResult run = Http.post(realm.server().baseUrl() + "/realms/" + realm.name() + "/tenancy-probe-tasks/"
                + InvitationExpiryTask.NAME, null, null);
        TenancyApi.expect(200, run, "run the invitation expiry task");
        return run.json();
    }

    private static List<JsonNode> expireEvents(String tenant, String id) {
        String path = "tenancy/tenants/" + tenant + "/invitations/" + id + "/expire";
        List<JsonNode> events = new ArrayList<>();
        Http.get(realm.adminUrl() + "/admin-events?max=1000", realm.adminToken()).json().forEach(event -> {
            if (event.path("resourcePath").asText().equals(path)) {
                events.add(event);
            }
        });
        return events;
    }

    private static void pastItsTime(String id) throws SQLException {
        try (Connection connection = realm.server().database().openJdbc();
             PreparedStatement update = connection.prepareStatement(
                     "update TENANCY_INVITATION set EXPIRES_AT = ? where ID = ?")) {
            update.setLong(1, System.currentTimeMillis() - 1000);
            update.setString(2, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    /** The stored status, and whether the row still holds its pending key. */
    private static String stored(String id) throws SQLException {
        try (Connection connection = realm.server().database().openJdbc();
             PreparedStatement select = connection.prepareStatement(
                     "select STATUS, PENDING_KEY from TENANCY_INVITATION where ID = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1) + (row.getString(2) == null ? "" : " with key");
            }
        }
    }
}
