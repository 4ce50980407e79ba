package dev.tenancy.keycloak.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.KeycloakCluster;
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
 * KEKs on two nodes with the same key configuration: a rotation on A makes B seal under the new version; a
 * rewrap runs once in the cluster and every node shows it ({@link RewrapFailoverClusterIT}: its node killed).
 * Each test uses its own realm, as the primary version and the rewrap run are per realm. The test cluster
 * rewraps {@value TestKeys#REWRAP_BATCH_SIZE} credentials per batch with a pause between batches.
 */
class CredentialClusterIT {

    static final int CREDENTIALS = 300;

    @RegisterExtension
    static final TestRealm rotated = new TestRealm(() -> KeycloakCluster.get().a());

    @Test
    void aRotationOnAMakesBSealUnderTheNewVersion() {
        TestRealm onB = rotated.on(KeycloakCluster.get().b());
        assertThat(store(onB, "before").path("keyVersion").asInt()).isEqualTo(1);

        TenancyApi.expect(200, Http.post(keys(rotated) + "/rotate", rotated.adminToken(), "{\"version\": 2}"),
                "rotate on A");

        JsonNode sealed = store(onB, "after");
        assertThat(sealed.path("keyVersion").asInt()).isEqualTo(2);
        assertThat(Http.get(keys(onB), onB.adminToken()).json().path("primaryVersion").asInt()).isEqualTo(2);
        HttpResult revealed = Http.post(new TenancyApi(rotated).adminApi() + "/credentials/"
                + sealed.path("id").asText() + "/reveal", rotated.adminToken(), null);
        assertThat(revealed.json().path("value").asText()).as("A reads what B sealed").isEqualTo("after");
    }

    @Test
    void aRewrapStartedOnARunsOnceAndBShowsIt() {
        KeycloakCluster cluster = KeycloakCluster.get();
        TestRealm onA = new TestRealm(cluster::a);
        onA.create("rewrap-once");
        try {
            TestRealm onB = onA.on(cluster.b());
            Map<String, String> values = storeMany(onA);
            TenancyApi.expect(200, Http.post(keys(onA) + "/rotate", onA.adminToken(), "{\"version\": 2}"), "rotate");
            long markA = cluster.a().logMark();
            long markB = cluster.b().logMark();

            HttpResult started = Http.post(keys(onA) + "/rewrap", onA.adminToken(), null);
            TenancyApi.expect(202, started, "start the rewrap on A");
            JsonNode seenOnB = Http.get(keys(onB), onB.adminToken()).json().path("rewrap");
            HttpResult joined = Http.post(keys(onB) + "/rewrap", onB.adminToken(), null);

            assertThat(started.json().path("rewrap").path("state").asText()).isEqualTo("RUNNING");
            assertThat(seenOnB.path("state").asText()).as("B shows A's run").isEqualTo("RUNNING");
            assertThat(seenOnB.path("startedAt").asText())
                    .isEqualTo(started.json().path("rewrap").path("startedAt").asText());
            TenancyApi.expect(202, joined, "ask B while A runs");
            assertThat(joined.json().path("rewrap").path("startedAt").asText()).as("B joins A's run")
                    .isEqualTo(started.json().path("rewrap").path("startedAt").asText());
            JsonNode done = await(onB, status -> "COMPLETED".equals(status.path("rewrap").path("state").asText()),
                    "completion seen on B");
            assertThat(done.path("rewrap").path("rewrapped").asLong()).isEqualTo(CREDENTIALS);
            assertThat(done.path("pendingRewrap").asLong()).isZero();
            String finished = "Rewrapped " + CREDENTIALS + " credentials of realm " + onA.id();
            assertThat(cluster.a().logSince(markA)).contains(finished);
            assertThat(cluster.b().logSince(markB)).as("B ran nothing").doesNotContain("credentials of realm "
                    + onA.id());
            assertRevealed(onB, values);
        } finally {
            onA.delete();
        }
    }

    static String keys(TestRealm realm) {
        return new TenancyApi(realm).adminApi() + "/keys";
    }

    private static JsonNode store(TestRealm realm, String value) {
        HttpResult created = Http.post(new TenancyApi(realm).adminApi() + "/credentials", realm.adminToken(),
                Json.object().put("scope", "SYSTEM").put("name", "credential " + value).put("provider", "smtp")
                        .put("type", "SECRET").put("value", value));
        TenancyApi.expect(201, created, "store " + value);
        return created.json();
    }

    static Map<String, String> storeMany(TestRealm realm) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < CREDENTIALS; i++) {
            String value = "rewrap-" + i + "-" + UUID.randomUUID();
            values.put(store(realm, value).path("id").asText(), value);
        }
        return values;
    }

    static void assertRevealed(TestRealm realm, Map<String, String> values) {
        for (Map.Entry<String, String> stored : values.entrySet()) {
            HttpResult revealed = Http.post(new TenancyApi(realm).adminApi() + "/credentials/" + stored.getKey()
                    + "/reveal", realm.adminToken(), null);
            TenancyApi.expect(200, revealed, "reveal " + stored.getKey());
            assertThat(revealed.json().path("value").asText()).isEqualTo(stored.getValue());
        }
    }

    static long movedToTwo(JsonNode status) {
        return status.path("credentialsByVersion").path("2").asLong();
    }

    static JsonNode await(TestRealm realm, Predicate<JsonNode> condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            JsonNode status = Http.get(keys(realm), realm.adminToken()).json();
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
