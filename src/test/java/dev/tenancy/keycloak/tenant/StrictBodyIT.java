package dev.tenancy.keycloak.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bodies are read strictly from their bytes: invalid UTF-8 is a 400 and nothing is stored or overwritten (it
 * used to become U+FFFD and be stored), and every operation with a body answers 415 to a non-JSON content type.
 */
class StrictBodyIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    /** {@code C3 28}: a lead byte followed by a byte that cannot continue it; {@code FF} is never UTF-8. */
    private static final byte[] INVALID = {(byte) 0xC3, '(', (byte) 0xFF};

    private static TenancyApi tenancy;
    private static String tenant;
    private static String userToken;

    private record Call(String method, String path, String body) {
    }

    @BeforeAll
    static void aTenantWithAnAdminMember() {
        tenancy = new TenancyApi(realm);
        tenant = tenancy.createTenant("strict");
        String user = realm.createUser("strict-user");
        tenancy.setRoles(tenant, user, "admin");
        userToken = realm.userToken("strict-user");
    }

    @Test
    void invalidUtf8IsRefusedAndNothingIsStoredOrOverwritten() {
        String admin = tenancy.adminApi();
        String self = tenancy.selfService();
        String secret = "\"provider\": \"smtp\", \"type\": \"SECRET\"";
        int keysBefore = Http.get(self + "/me/api-keys", userToken).json().size();
        int ownBefore = Http.get(self + "/me/credentials", userToken).json().size();
        int allBefore = Http.get(admin + "/credentials", realm.adminToken()).json().size();

        expectInvalid(Http.sendBytes("POST", admin + "/tenants", realm.adminToken(), "application/json",
                json("{\"name\": \"", INVALID, "\"}")), "tenant create");
        expectInvalid(Http.sendBytes("POST", self + "/me/api-keys", userToken, "application/json",
                json("{\"name\": \"", INVALID, "\", \"tenantId\": \"" + tenant + "\"}")), "API key create");
        expectInvalid(Http.sendBytes("POST", self + "/me/credentials", userToken, "application/json",
                json("{\"name\": \"", INVALID, "\", " + secret + ", \"value\": \"v\"}")), "own credential create");
        expectInvalid(Http.sendBytes("POST", admin + "/credentials", realm.adminToken(), "application/json",
                json("{\"name\": \"n\", " + secret + ", \"scope\": \"SYSTEM\", \"value\": \"", INVALID, "\"}")),
                "admin credential create");

        JsonNode tenants = Http.get(admin + "/tenants", realm.adminToken()).json();
        assertThat(tenants).hasSize(1);
        assertThat(Http.get(self + "/me/api-keys", userToken).json()).hasSize(keysBefore);
        assertThat(Http.get(self + "/me/credentials", userToken).json()).hasSize(ownBefore);
        assertThat(Http.get(admin + "/credentials", realm.adminToken()).json()).hasSize(allBefore);

        String own = Http.post(self + "/me/credentials", userToken,
                "{\"name\": \"kept\", " + secret + ", \"value\": \"kept-value\"}").createdId();
        String system = Http.post(admin + "/credentials", realm.adminToken(),
                "{\"name\": \"kept\", " + secret + ", \"scope\": \"SYSTEM\", \"value\": \"system-value\"}").createdId();
        expectInvalid(Http.sendBytes("PUT", self + "/me/credentials/" + own, userToken, "application/json",
                json("{\"value\": \"", INVALID, "\"}")), "own credential update");
        expectInvalid(Http.sendBytes("PUT", admin + "/credentials/" + system, realm.adminToken(), "application/json",
                json("{\"value\": \"", INVALID, "\"}")), "admin credential update");
        expectInvalid(Http.sendBytes("PUT", admin + "/tenants/" + tenant, realm.adminToken(), "application/json",
                json("{\"name\": \"", INVALID, "\"}")), "tenant update");

        assertThat(Http.post(self + "/me/credentials/" + own + "/reveal", userToken, null).json().path("value").asText())
                .isEqualTo("kept-value");
        assertThat(Http.post(admin + "/credentials/" + system + "/reveal", realm.adminToken(), null).json()
                .path("value").asText()).isEqualTo("system-value");
        assertThat(Http.get(admin + "/tenants/" + tenant, realm.adminToken()).json().path("name").asText())
                .isEqualTo("STRICT");
    }

    @Test
    void everyOperationWithABodyRefusesTextPlain() {
        String admin = tenancy.adminApi();
        String self = tenancy.selfService();
        String member = realm.createUser("strict-member");
        tenancy.setRoles(tenant, member, "member");
        String invitation = Http.post(admin + "/tenants/" + tenant + "/invitations", realm.adminToken(),
                "{\"email\": \"strict-invitee@example.com\", \"sendEmail\": false}").createdId();
        String key = Http.post(self + "/me/api-keys", userToken, "{\"name\": \"k\", \"tenantId\": \"" + tenant + "\"}")
                .createdId();
        String credential = Http.post(self + "/me/credentials", userToken,
                "{\"name\": \"c\", \"provider\": \"smtp\", \"type\": \"SECRET\", \"value\": \"v\"}").createdId();
        String systemCredential = Http.post(admin + "/credentials", realm.adminToken(),
                "{\"name\": \"c\", \"provider\": \"smtp\", \"type\": \"SECRET\", \"value\": \"v\", \"scope\": \"SYSTEM\"}")
                .createdId();
        String primaryBefore = Http.get(admin + "/keys", realm.adminToken()).json().path("primaryVersion").asText();
        int ownBefore = Http.get(self + "/me/credentials", userToken).json().size();
        int allBefore = Http.get(admin + "/credentials", realm.adminToken()).json().size();
        int resendsBefore = Http.get(admin + "/tenants/" + tenant + "/invitations/" + invitation, realm.adminToken())
                .json().path("resendCount").asInt();

        List<Call> adminCalls = List.of(
                new Call("PUT", "/config", "{\"roles\": {\"admin\": {}}}"),
                new Call("POST", "/tenants", "{\"name\": \"plain\"}"),
                new Call("PUT", "/tenants/" + tenant, "{\"name\": \"plain\"}"),
                new Call("PUT", "/tenants/" + tenant + "/members/" + member, "{\"roles\": [\"admin\"]}"),
                new Call("PUT", "/tenants/" + tenant + "/modules", "{}"),
                new Call("POST", "/tenants/" + tenant + "/invitations", "{\"email\": \"plain@example.com\"}"),
                new Call("POST", "/tenants/" + tenant + "/invitations/" + invitation + "/resend", "{\"sendEmail\": false}"),
                new Call("POST", "/tenants/" + tenant + "/credentials",
                        "{\"name\": \"p\", \"provider\": \"smtp\", \"type\": \"SECRET\", \"value\": \"v\"}"),
                new Call("POST", "/credentials",
                        "{\"name\": \"p\", \"provider\": \"smtp\", \"type\": \"SECRET\", \"value\": \"v\", \"scope\": \"SYSTEM\"}"),
                new Call("PUT", "/credentials/" + systemCredential, "{\"value\": \"changed\"}"),
                new Call("POST", "/keys/rotate", "{\"version\": 2}"));
        List<Call> selfCalls = List.of(
                new Call("PUT", "/tenants/" + tenant + "/members/" + member, "{\"roles\": [\"admin\"]}"),
                new Call("PUT", "/tenants/" + tenant + "/modules", "{}"),
                new Call("POST", "/tenants/" + tenant + "/invitations", "{\"email\": \"plain@example.com\"}"),
                new Call("POST", "/me/api-keys", "{\"name\": \"plain\", \"tenantId\": \"" + tenant + "\"}"),
                new Call("POST", "/me/api-keys/" + key + "/rotate", "{\"gracePeriodSeconds\": 0}"),
                new Call("POST", "/me/credentials",
                        "{\"name\": \"p\", \"provider\": \"smtp\", \"type\": \"SECRET\", \"value\": \"v\"}"),
                new Call("PUT", "/me/credentials/" + credential, "{\"value\": \"changed\"}"));

        SoftAssertions soft = new SoftAssertions();
        for (Call call : adminCalls) {
            soft.assertThat(plain(call, admin, realm.adminToken()).status()).as(call.method() + " " + call.path())
                    .isEqualTo(415);
        }
        for (Call call : selfCalls) {
            soft.assertThat(plain(call, self, userToken).status()).as("self-service " + call.method() + " " + call.path())
                    .isEqualTo(415);
        }
        soft.assertAll();

        assertThat(Http.get(admin + "/tenants", realm.adminToken()).json()).hasSize(1);
        assertThat(Http.get(admin + "/tenants/" + tenant + "/members/" + member, realm.adminToken()).json()
                .path("roles").toString()).isEqualTo("[\"member\"]");
        assertThat(Http.get(admin + "/tenants/" + tenant + "/invitations", realm.adminToken()).json()).hasSize(1);
        assertThat(Http.get(admin + "/tenants/" + tenant + "/invitations/" + invitation, realm.adminToken()).json()
                .path("resendCount").asInt()).isEqualTo(resendsBefore);
        assertThat(Http.get(self + "/me/api-keys", userToken).json()).hasSize(1);
        assertThat(Http.get(self + "/me/credentials", userToken).json()).hasSize(ownBefore);
        assertThat(Http.get(admin + "/credentials", realm.adminToken()).json()).hasSize(allBefore);
        assertThat(Http.post(self + "/me/credentials/" + credential + "/reveal", userToken, null).json()
                .path("value").asText()).isEqualTo("v");
        assertThat(Http.get(admin + "/keys", realm.adminToken()).json().path("primaryVersion").asText())
                .isEqualTo(primaryBefore);
        assertThat(Http.get(admin + "/config", realm.adminToken()).json().path("roles").has("operator")).isTrue();
    }

    private static HttpResult plain(Call call, String base, String token) {
        return Http.sendBytes(call.method(), base + call.path(), token, "text/plain",
                call.body().getBytes(StandardCharsets.UTF_8));
    }

    private static void expectInvalid(HttpResult result, String what) {
        assertThat(result.status()).as(what + ": " + result.body()).isEqualTo(400);
        assertThat(result.body()).as(what).contains("not valid UTF-8");
    }

    private static byte[] json(String before, byte[] invalid, String after) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(invalid);
        bytes.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }
}
