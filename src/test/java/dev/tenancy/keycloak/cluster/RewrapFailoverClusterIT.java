package dev.tenancy.keycloak.cluster;

import static dev.tenancy.keycloak.cluster.CredentialClusterIT.CREDENTIALS;
import static dev.tenancy.keycloak.cluster.CredentialClusterIT.assertRevealed;
import static dev.tenancy.keycloak.cluster.CredentialClusterIT.await;
import static dev.tenancy.keycloak.cluster.CredentialClusterIT.keys;
import static dev.tenancy.keycloak.cluster.CredentialClusterIT.movedToTwo;
import static dev.tenancy.keycloak.cluster.CredentialClusterIT.storeMany;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.KeycloakCluster;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestKeys;
import dev.tenancy.keycloak.support.TestRealm;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The node running a rewrap is killed (SIGKILL) halfway: the other node shows the run stopped once its
 * cluster view has dropped the dead node, and finishes the work when asked; every credential still reveals
 * its value. Runs last in the {@code it-cluster} execution (alphabetical order), so the killed node is started
 * again only if another class follows.
 */
class RewrapFailoverClusterIT {

    @Test
    void aRewrapWhoseNodeIsKilledIsFinishedFromTheOtherNode() {
        KeycloakCluster cluster = KeycloakCluster.get();
        TestRealm onA = new TestRealm(cluster::a);
        onA.create("rewrap-killed");
        try {
            TestRealm onB = onA.on(cluster.b());
            Map<String, String> values = storeMany(onA);
            TenancyApi.expect(200, Http.post(keys(onA) + "/rotate", onA.adminToken(), "{\"version\": 2}"), "rotate");

            TenancyApi.expect(202, Http.post(keys(onB) + "/rewrap", onB.adminToken(), null), "start on B");
            JsonNode halfway = await(onA, status -> movedToTwo(status) >= 3L * TestKeys.REWRAP_BATCH_SIZE,
                    "three batches done");
            assertThat(halfway.path("rewrap").path("state").asText()).as("A shows B's run").isEqualTo("RUNNING");
            cluster.b().kill();
            cluster.awaitAlone(cluster.a());

            JsonNode stopped = await(onA, status -> !"RUNNING".equals(status.path("rewrap").path("state").asText()),
                    "the run of the killed node shown as stopped");
            assertThat(stopped.path("rewrap").path("state").asText()).isEqualTo("FAILED");
            assertThat(stopped.path("rewrap").path("message").asText()).contains("left the cluster");
            assertThat(stopped.path("pendingRewrap").asLong()).as("work left when killed").isPositive();

            TenancyApi.expect(202, Http.post(keys(onA) + "/rewrap", onA.adminToken(), null), "resume on A");
            JsonNode done = await(onA, status -> "COMPLETED".equals(status.path("rewrap").path("state").asText()),
                    "completion on A");
            assertThat(done.path("pendingRewrap").asLong()).isZero();
            assertThat(done.path("credentialsByVersion").path("1").isMissingNode()).isTrue();
            assertThat(done.path("credentialsByVersion").path("2").asLong()).isEqualTo(CREDENTIALS);
            assertThat(done.path("rewrap").path("unreadable").asLong()).isZero();
            assertRevealed(onA, values);
        } finally {
            onA.delete();
        }
    }
}
