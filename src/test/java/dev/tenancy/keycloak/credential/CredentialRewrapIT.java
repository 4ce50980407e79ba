package dev.tenancy.keycloak.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestKeys;
import dev.tenancy.keycloak.support.TestRealm;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * KEK rotation: the realm moves to version 2, a rewrap starts, the server is killed halfway (SIGKILL), and
 * after the restart a second rewrap finishes the rest; every credential still reveals its original value.
 * The test server rewraps {@value TestKeys#REWRAP_BATCH_SIZE} credentials per batch with a pause between
 * batches, so there is a halfway to kill it at.
 */
class CredentialRewrapIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static final int CREDENTIALS = 500;

    private static String keys() {
        return new TenancyApi(realm).adminApi() + "/keys";
    }

    @Test
    void aRewrapStoppedByACrashIsFinishedByTheNextOne() {
        TenancyApi tenancy = new TenancyApi(realm);
        String tenant = tenancy.createTenant("acme");
        String user = realm.createUser("olga");
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < CREDENTIALS; i++) {
            String value = "rewrap-" + i + "-" + UUID.randomUUID();
            var body = Json.object().put("name", "credential " + i).put("provider", "smtp").put("type", "SECRET")
                    .put("value", value);
            switch (i % 3) {
                case 0 -> body.put("scope", "SYSTEM");
                case 1 -> body.put("scope", "USER").put("ownerId", user);
                default -> body.put("scope", "TENANT").put("ownerId", tenant);
            }
            HttpResult created = Http.post(tenancy.adminApi() + "/credentials", realm.adminToken(), body);
            TenancyApi.expect(201, created, "store credential " + i);
            values.put(created.json().path("id").asText(), value);
        }

        HttpResult rotated = Http.post(keys() + "/rotate", realm.adminToken(), "{\"version\": 2}");
        TenancyApi.expect(200, rotated, "rotate to version 2");
        assertThat(rotated.json().path("primaryVersion").asInt()).isEqualTo(2);
        assertThat(rotated.json().path("previousPrimaryVersion").asInt()).isEqualTo(1);
        assertThat(rotated.json().path("pendingRewrap").asLong()).isEqualTo(CREDENTIALS);
        HttpResult fresh = Http.post(tenancy.adminApi() + "/credentials", realm.adminToken(), Json.object()
                .put("scope", "SYSTEM").put("name", "after rotation").put("provider", "smtp").put("type", "SECRET")
                .put("value", "sealed-under-two"));
        assertThat(fresh.json().path("keyVersion").asInt()).as("new secrets use the new primary").isEqualTo(2);
        values.put(fresh.json().path("id").asText(), "sealed-under-two");

        HttpResult started = Http.post(keys() + "/rewrap", realm.adminToken(), null);
        TenancyApi.expect(202, started, "start the rewrap");
        assertThat(started.json().path("rewrap").path("state").asText()).isEqualTo("RUNNING");
        // H2 (a dev database) loses the commits of its last second or so when killed: go well past that.
        JsonNode halfway = await(status -> movedToTwo(status) >= 12L * TestKeys.REWRAP_BATCH_SIZE, "12 batches done");
        assertThat(halfway.path("credentialsByVersion").path("1").asLong()).as("still work left when killed")
                .isPositive();

        realm.server().crashAndRestart();

        JsonNode afterCrash = Http.get(keys(), realm.adminToken()).json();
        assertThat(afterCrash.path("primaryVersion").asInt()).as("the realm keeps its primary").isEqualTo(2);
        assertThat(afterCrash.path("pendingRewrap").asLong()).isBetween(1L, (long) CREDENTIALS - 1);
        assertThat(afterCrash.hasNonNull("rewrap")).as("no run on the new node yet").isFalse();

        TenancyApi.expect(202, Http.post(keys() + "/rewrap", realm.adminToken(), null), "resume the rewrap");
        JsonNode done = await(status -> "COMPLETED".equals(status.path("rewrap").path("state").asText()), "completion");

        assertThat(done.path("pendingRewrap").asLong()).isZero();
        assertThat(done.path("credentialsByVersion").path("1").isMissingNode()).isTrue();
        assertThat(done.path("credentialsByVersion").path("2").asLong()).isEqualTo(CREDENTIALS + 1);
        assertThat(done.path("rewrap").path("unreadable").asLong()).isZero();
        assertThat(done.path("rewrap").path("rewrapped").asLong())
                .isEqualTo(CREDENTIALS - afterCrash.path("credentialsByVersion").path("2").asLong() + 1);
        for (Map.Entry<String, String> stored : values.entrySet()) {
            HttpResult revealed = Http.post(new TenancyApi(realm).adminApi() + "/credentials/" + stored.getKey()
                    + "/reveal", realm.adminToken(), null);
            TenancyApi.expect(200, revealed, "reveal " + stored.getKey());
            assertThat(revealed.json().path("value").asText()).isEqualTo(stored.getValue());
        }
    }

    private static long movedToTwo(JsonNode status) {
        return status.path("credentialsByVersion").path("2").asLong();
    }

    private static JsonNode await(Predicate<JsonNode> condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            JsonNode status = Http.get(keys(), realm.adminToken()).json();
            if (condition.test(status)) {
                return status;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + what + " within 120 s; last status " + status);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
