package dev.tenancy.keycloak.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.InvitationForms;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.KeycloakCluster;
import dev.tenancy.keycloak.support.MailServer;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An invitation is accepted once in the cluster: after A, B refuses; of concurrent accepts on both, one wins.
 * Invitations go out by mail (GreenMail): only a mailed link lets the invitee register.
 */
class InvitationClusterIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm(() -> KeycloakCluster.get().a());

    @RegisterExtension
    static final MailServer mail = new MailServer();

    private static TenancyApi onA;
    private static TestRealm realmOnB;
    private static String tenant;

    @BeforeAll
    static void aTenant() {
        onA = new TenancyApi(realm);
        realmOnB = realm.on(KeycloakCluster.get().b());
        mail.configure(realm);
        onA.configure("{\"roles\": {\"member\": {}}, \"modules\": {}}");
        tenant = onA.createTenant("acme");
    }

    @Test
    void anInvitationAcceptedOnAIsRefusedOnB() {
        String token = invite("first@example.com");

        HttpResult onNodeA = Http.postForm(actionUrl(realm), InvitationForms.registration(token, "first"), null);
        HttpResult onNodeB = Http.postForm(actionUrl(realmOnB), InvitationForms.registration(token, "second"), null);

        assertThat(onNodeA.status()).isEqualTo(303);
        assertThat(onNodeB.status()).isIn(409, 410);
        assertThat(onNodeB.body()).contains("This invitation is no longer valid");
        assertThat(Http.get(actionUrl(realmOnB) + "?token=" + token, null).body()).contains("already been accepted");
        assertThat(Http.get(realm.adminUrl() + "/users?username=second&exact=true", realm.adminToken()).json())
                .as("B created no account").isEmpty();
    }

    @Test
    void ofTwentyConcurrentAcceptsSplitOverBothNodesExactlyOneWins() throws Exception {
        String token = invite("race@example.com");
        int attempts = 20;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                String url = actionUrl(i % 2 == 0 ? realm : realmOnB);
                Map<String, String> form = InvitationForms.registration(token, "racer" + i);
                Callable<HttpResult> accept = () -> {
                    start.await();
                    return Http.postForm(url, form, null);
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
        assertThat(Http.get(invitations() + "?email=race@example.com", realm.adminToken()).json().path(0)
                .path("status").asText()).isEqualTo("accepted");
    }

    /** Invites by mail and returns the token of the mailed link. */
    private static String invite(String email) {
        var body = Json.object().put("email", email).put("sendEmail", true);
        body.putArray("roles").add("member");
        int before = mail.received();
        TenancyApi.expect(201, Http.post(invitations(), realm.adminToken(), body), "invite " + email);
        String link = mail.lastTo(email, before + 1).invitationLink();
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private static String invitations() {
        return onA.adminApi() + "/tenants/" + tenant + "/invitations";
    }

    private static String actionUrl(TestRealm node) {
        return node.url() + "/tenancy/invitation";
    }

}
