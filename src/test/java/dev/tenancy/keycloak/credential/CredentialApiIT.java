package dev.tenancy.keycloak.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.SecretScan;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Credentials of users, tenants and the realm through both APIs: masked in every list and answer, revealed
 * only by {@code reveal} with an event naming the reader, changed, rotated, deactivated, deleted; a stored
 * row that was altered or copied to another owner fails with a clear error; no value is in the database.
 */
class CredentialApiIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static final List<String> VALUES = new ArrayList<>();
    private static TenancyApi tenancy;
    private static String acme;
    private static String olga;

    @BeforeAll
    static void setUp() {
        tenancy = new TenancyApi(realm);
        TenancyApi.expect(204, Http.put(realm.adminUrl(), realm.adminToken(), Json.object()
                .put("adminEventsEnabled", true).put("adminEventsDetailsEnabled", true)), "enable admin events");
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-credentials", "view-members"]},
                           "member": {}},
                 "modules": {}}
                """);
        acme = tenancy.createTenant("acme");
        olga = realm.createUser("olga");
        realm.createUser("peter");
        tenancy.setRoles(acme, realm.createUser("keeper"), "admin");
        tenancy.setRoles(acme, realm.createUser("plain"), "member");
    }

    @AfterAll
    static void noValueIsStoredInClear() throws Exception {
        String someId = create("olga", "scan", "github", "SECRET", secret("scan")).json().path("id").asText();

        // The same scan finds an id, so it does look into the credential table.
        assertThat(SecretScan.find(realm.server(), List.of(someId)))
                .anyMatch(hit -> hit.equalsIgnoreCase("TENANCY_CREDENTIAL.ID"));
        assertThat(SecretScan.find(realm.server(), VALUES)).isEmpty();
        String log = realm.server().logSince(0);
        assertThat(VALUES).allSatisfy(value -> assertThat(log).doesNotContain(value));
    }

    /** A value nobody could guess, remembered for the database scan. */
    private static String secret(String label) {
        String value = label + "-" + java.util.UUID.randomUUID() + "-" + System.nanoTime();
        VALUES.add(value);
        return value;
    }

    private static String mine() {
        return tenancy.selfService() + "/me/credentials";
    }

    private static HttpResult create(String user, String name, String provider, String type, String value) {
        return Http.post(mine(), realm.userToken(user), Json.object().put("name", name).put("provider", provider)
                .put("type", type).put("value", value));
    }

    private static HttpResult reveal(String url, String token) {
        return Http.post(url + "/reveal", token, null);
    }

    @Test
    void aUsersSecretIsMaskedEverywhereButItsReveal() {
        String value = secret("ghp");
        HttpResult created = Http.post(mine(), realm.userToken("olga"), Json.object().put("name", "GitHub token")
                .put("provider", "github").put("type", "ACCESS_TOKEN").put("value", value)
                .put("description", "CI pushes").put("expiresAt", "2030-01-31T12:00:00Z")
                .set("metadata", Json.object().put("login", "olga").put("installations", 2)));

        TenancyApi.expect(201, created, "create");
        String id = created.json().path("id").asText();
        assertThat(created.header("Location")).endsWith("/me/credentials/" + id);
        assertThat(created.body()).doesNotContain(value);
        JsonNode view = created.json();
        assertThat(view.path("maskedValue").asText()).isEqualTo("••••••••" + value.substring(value.length() - 4));
        assertThat(view.path("scope").asText()).isEqualTo("USER");
        assertThat(view.path("ownerId").asText()).isEqualTo(olga);
        assertThat(view.path("status").asText()).isEqualTo("active");
        assertThat(view.path("keyVersion").asInt()).isEqualTo(1);
        assertThat(view.path("metadata").path("installations").asInt()).isEqualTo(2);
        assertThat(view.path("expiresAt").asText()).isEqualTo("2030-01-31T12:00:00Z");
        assertThat(Http.get(mine(), realm.userToken("olga")).body()).contains(id).doesNotContain(value);
        assertThat(Http.get(mine() + "/" + id, realm.userToken("olga")).body()).doesNotContain(value);

        HttpResult revealed = reveal(mine() + "/" + id, realm.userToken("olga"));

        TenancyApi.expect(200, revealed, "reveal");
        assertThat(revealed.json().path("value").asText()).isEqualTo(value);
        assertThat(revealed.header("Cache-Control")).contains("no-store");
        assertThat(Http.get(mine() + "/" + id, realm.userToken("olga")).json().path("lastUsedAt").asText()).endsWith("Z");
    }

    @Test
    void anOAuthTokenKeepsItsParts() {
        String access = secret("gho-access");
        String refresh = secret("gho-refresh");
        HttpResult created = Http.post(mine(), realm.userToken("olga"), """
                {"name": "github login", "provider": "github", "type": "OAUTH_TOKEN",
                 "value": {"accessToken": "%s", "refreshToken": "%s", "expiresAt": "2031-05-01T00:00:00Z",
                           "scopes": ["repo", "read:org"], "providerAccountId": "1234", "tokenType": "bearer"}}
                """.formatted(access, refresh));

        TenancyApi.expect(201, created, "create an OAuth token");
        assertThat(created.body()).doesNotContain(access).doesNotContain(refresh);
        assertThat(created.json().path("maskedValue").asText()).endsWith(access.substring(access.length() - 4));
        JsonNode value = reveal(mine() + "/" + created.json().path("id").asText(), realm.userToken("olga"))
                .json().path("value");
        assertThat(value.path("accessToken").asText()).isEqualTo(access);
        assertThat(value.path("refreshToken").asText()).isEqualTo(refresh);
        assertThat(value.path("expiresAt").asText()).isEqualTo("2031-05-01T00:00:00Z");
        assertThat(Json.texts(value.path("scopes"))).containsExactly("repo", "read:org");
        assertThat(value.path("providerAccountId").asText()).isEqualTo("1234");
    }

    @Test
    void anExpiredCredentialStillRevealsAndSaysSo() {
        String value = secret("expired");
        HttpResult created = Http.post(mine(), realm.userToken("olga"), Json.object().put("name", "old token")
                .put("provider", "github").put("type", "ACCESS_TOKEN").put("value", value)
                .put("expiresAt", "2020-01-01T00:00:00Z"));

        assertThat(created.json().path("status").asText()).isEqualTo("expired");
        assertThat(reveal(mine() + "/" + created.json().path("id").asText(), realm.userToken("olga"))
                .json().path("value").asText()).isEqualTo(value);
    }

    @Test
    void namesAreUniquePerOwnerAndProviderWhateverTheirCase() {
        TenancyApi.expect(201, create("olga", "smtp", "mailjet", "PASSWORD", secret("pw")), "first");
        HttpResult twice = create("olga", "smtp", "mailjet", "PASSWORD", secret("pw"));
        TenancyApi.expect(409, twice, "same owner, provider and name");
        assertThat(twice.json().path("errorMessage").asText()).contains("exists already");
        HttpResult otherCase = create("olga", "SMTP", "mailjet", "PASSWORD", secret("pw"));
        TenancyApi.expect(409, otherCase, "the same name in capitals, on every database");
        TenancyApi.expect(201, create("olga", "smtp", "sendgrid", "PASSWORD", secret("pw")), "another provider");
        TenancyApi.expect(201, create("peter", "smtp", "mailjet", "PASSWORD", secret("pw")), "another owner");
    }

    @Test
    void updatesRotateDeactivateAndDelete() {
        String first = secret("v1");
        String second = secret("v2");
        String id = create("olga", "stripe", "stripe.com", "API_KEY", first).json().path("id").asText();
        String url = mine() + "/" + id;
        String token = realm.userToken("olga");

        HttpResult rotated = Http.put(url, token, Json.object().put("value", second));
        TenancyApi.expect(200, rotated, "rotate");
        assertThat(rotated.json().path("rotatedAt").asText()).endsWith("Z");
        assertThat(rotated.body()).doesNotContain(second);
        assertThat(reveal(url, token).json().path("value").asText()).isEqualTo(second);

        TenancyApi.expect(200, Http.put(url, token, "{\"expiresAt\": \"2031-01-01T00:00:00Z\"}"), "set an expiry");
        HttpResult described = Http.put(url, token, "{\"description\": \"live key\", \"expiresAt\": null}");
        TenancyApi.expect(200, described, "describe");
        assertThat(described.json().path("description").asText()).isEqualTo("live key");
        assertThat(described.json().has("expiresAt")).as("expiry cleared").isFalse();

        HttpResult deactivated = Http.put(url, token, "{\"active\": false}");
        TenancyApi.expect(200, deactivated, "deactivate");
        assertThat(deactivated.json().path("status").asText()).isEqualTo("inactive");
        HttpResult refused = reveal(url, token);
        TenancyApi.expect(409, refused, "reveal a deactivated credential");
        assertThat(refused.json().path("errorMessage").asText()).contains("deactivated");

        TenancyApi.expect(200, Http.put(url, token, "{\"active\": true}"), "activate");
        TenancyApi.expect(204, Http.delete(url, token), "delete");
        TenancyApi.expect(404, Http.get(url, token), "gone");
        TenancyApi.expect(404, Http.delete(url, token), "delete twice");
    }

    @Test
    void tenantCredentialsAreForManagersAndRealmAdmins() {
        String value = secret("tenant-smtp");
        String selfService = tenancy.selfService() + "/tenants/" + acme + "/credentials";
        String admin = tenancy.adminApi() + "/tenants/" + acme + "/credentials";

        HttpResult created = Http.post(selfService, realm.userToken("keeper"), Json.object().put("name", "outgoing")
                .put("provider", "smtp").put("type", "PASSWORD").put("value", value));
        TenancyApi.expect(201, created, "manager creates");
        String id = created.json().path("id").asText();
        assertThat(created.json().path("scope").asText()).isEqualTo("TENANT");
        assertThat(created.json().path("ownerId").asText()).isEqualTo(acme);

        TenancyApi.expect(403, Http.get(selfService, realm.userToken("plain")), "member without manage-credentials");
        TenancyApi.expect(403, reveal(selfService + "/" + id, realm.userToken("plain")), "member reveals");
        assertThat(reveal(selfService + "/" + id, realm.userToken("keeper")).json().path("value").asText())
                .isEqualTo(value);
        assertThat(reveal(admin + "/" + id, realm.adminToken()).json().path("value").asText()).isEqualTo(value);
        assertThat(Http.get(tenancy.adminApi() + "/credentials?scope=TENANT&ownerId=" + acme, realm.adminToken())
                .body()).contains(id).doesNotContain(value);
        JsonNode events = Http.get(realm.adminUrl() + "/admin-events?max=1000", realm.adminToken()).json();
        assertThat(events).filteredOn(event -> event.path("resourcePath").asText().startsWith("tenancy/credentials/" + id))
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(event -> assertThat(event.path("details").path("tenantId").asText()).isEqualTo(acme));
    }

    @Test
    void realmAdminsKeepSystemCredentials() {
        String value = secret("system-smtp");
        String admin = tenancy.adminApi() + "/credentials";

        HttpResult created = Http.post(admin, realm.adminToken(), Json.object().put("scope", "SYSTEM")
                .put("name", "relay").put("provider", "smtp").put("type", "PASSWORD").put("value", value));
        TenancyApi.expect(201, created, "create a system credential");
        String id = created.json().path("id").asText();
        assertThat(created.json().path("ownerId").asText()).isNotBlank();
        HttpResult forUser = Http.post(admin, realm.adminToken(), Json.object().put("scope", "USER")
                .put("ownerId", olga).put("name", "given by admin").put("provider", "smtp").put("type", "SECRET")
                .put("value", secret("for-olga")));
        TenancyApi.expect(201, forUser, "an admin stores a user's credential");
        assertThat(Http.get(mine(), realm.userToken("olga")).body()).contains(forUser.json().path("id").asText());

        assertThat(reveal(admin + "/" + id, realm.adminToken()).json().path("value").asText()).isEqualTo(value);
        assertThat(Http.get(admin + "?scope=SYSTEM", realm.adminToken()).body()).contains(id).doesNotContain(value);
    }

    @Test
    void everyChangeAndEveryRevealIsAnEventNamingTheActor() {
        String value = secret("audited");
        String id = create("olga", "audited", "github", "SECRET", value).json().path("id").asText();
        String url = mine() + "/" + id;
        String token = realm.userToken("olga");
        reveal(url, token);
        Http.put(url, token, Json.object().put("value", secret("audited-2")));
        Http.put(url, token, "{\"active\": false}");
        Http.put(url, token, "{\"description\": \"d\"}");
        Http.delete(url, token);

        JsonNode events = Http.get(realm.adminUrl() + "/admin-events?max=1000", realm.adminToken()).json();
        List<String> seen = new ArrayList<>();
        for (JsonNode event : events) {
            if ("TENANCY_CREDENTIAL".equals(event.path("resourceType").asText())
                    && event.path("resourcePath").asText().contains(id)) {
                assertThat(event.path("representation").asText()).doesNotContain(value);
                assertThat(event.path("authDetails").path("userId").asText()).isEqualTo(olga);
                seen.add(event.path("operationType").asText() + " " + event.path("resourcePath").asText());
            }
        }
        String path = "tenancy/credentials/" + id;
        assertThat(seen).contains("CREATE " + path, "ACTION " + path + "/reveal", "ACTION " + path + "/rotate",
                "ACTION " + path + "/deactivate", "UPDATE " + path, "DELETE " + path);
    }

    @Test
    void anAlteredOrCopiedRowFailsWithAGenericErrorForMembersAndTheReasonForAdmins() throws Exception {
        String olgas = create("olga", "tamper", "github", "SECRET", secret("tamper")).json().path("id").asText();
        String peters = create("peter", "copy", "github", "SECRET", secret("copy-target")).json().path("id").asText();
        String other = create("olga", "flip-key", "github", "SECRET", secret("flip-key")).json().path("id").asText();
        String tenantUrl = tenancy.selfService() + "/tenants/" + acme + "/credentials";
        String acmes = Http.post(tenantUrl, realm.userToken("keeper"), Json.object().put("name", "tampered relay")
                .put("provider", "smtp").put("type", "PASSWORD").put("value", secret("tenant-tamper")))
                .json().path("id").asText();

        try (Connection db = realm.server().database().openJdbc()) {
            for (String id : List.of(olgas, acmes)) {
                String[] stored = row(db, id);
                byte[] ciphertext = Base64.getDecoder().decode(stored[0]);
                ciphertext[ciphertext.length / 2] ^= 1;
                update(db, id, Base64.getEncoder().encodeToString(ciphertext), stored[1]);
            }
            // Peter's row gets Olga's sealed value, as if copied to another owner.
            String[] donor = row(db, other);
            update(db, peters, donor[0], donor[1]);
        }
        long mark = realm.server().logMark();

        HttpResult flipped = reveal(mine() + "/" + olgas, realm.userToken("olga"));
        HttpResult copied = reveal(mine() + "/" + peters, realm.userToken("peter"));
        HttpResult tenants = reveal(tenantUrl + "/" + acmes, realm.userToken("keeper"));
        HttpResult forAdmin = reveal(tenancy.adminApi() + "/credentials/" + olgas, realm.adminToken());

        for (HttpResult selfService : List.of(flipped, copied, tenants)) {
            TenancyApi.expect(500, selfService, "an unreadable row, to a member");
            assertThat(selfService.json().path("errorMessage").asText())
                    .isEqualTo("The credential could not be read; the realm's administrators have been told");
            assertThat(selfService.body()).doesNotContain("authenticate").doesNotContain("decrypt")
                    .doesNotContain(olgas).doesNotContain(peters).doesNotContain(acmes);
        }
        TenancyApi.expect(500, forAdmin, "an unreadable row, to a realm admin");
        assertThat(forAdmin.json().path("errorMessage").asText())
                .contains("Credential " + olgas + " cannot be decrypted").contains("does not authenticate");
        TenancyApi.expect(200, reveal(mine() + "/" + other, realm.userToken("olga")), "the donor still opens");

        String log = realm.server().logSince(mark);
        for (String id : List.of(olgas, peters, acmes)) {
            // The value's tag fails for a flipped byte, the data key's for a copy (its AAD names another owner).
            assertThat(log.lines().filter(line -> line.contains("Credential " + id + " of realm " + realm.name()
                    + " cannot be decrypted: The stored "))).as("the log line of %s", id)
                    .isNotEmpty().allMatch(line -> line.contains("does not authenticate"));
        }
        JsonNode events = Http.get(realm.adminUrl() + "/admin-events?max=1000", realm.adminToken()).json();
        for (String id : List.of(olgas, peters, acmes)) {
            assertThat(events).as("a failed reveal event for %s", id).anySatisfy(event -> {
                assertThat(event.path("resourcePath").asText()).isEqualTo("tenancy/credentials/" + id + "/reveal");
                assertThat(event.path("details").path("error").asText()).isEqualTo("credential_unreadable");
                assertThat(event.path("details").path("reason").asText()).contains("does not authenticate");
            });
        }
        assertThat(events).filteredOn(event -> event.path("resourcePath").asText().endsWith(acmes + "/reveal"))
                .allSatisfy(event -> assertThat(event.path("details").path("tenantId").asText()).isEqualTo(acme));
    }

    private static String[] row(Connection db, String id) throws Exception {
        try (PreparedStatement select = db.prepareStatement(
                "select CIPHERTEXT, WRAPPED_KEY from TENANCY_CREDENTIAL where ID = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return new String[] {rows.getString(1), rows.getString(2)};
            }
        }
    }

    private static void update(Connection db, String id, String ciphertext, String wrappedKey) throws Exception {
        try (PreparedStatement update = db.prepareStatement(
                "update TENANCY_CREDENTIAL set CIPHERTEXT = ?, WRAPPED_KEY = ? where ID = ?")) {
            update.setString(1, ciphertext);
            update.setString(2, wrappedKey);
            update.setString(3, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void aRealmWhosePrimaryIsNotOnTheNodeCanBeInspectedAndRotatedAway() {
        JsonNode representation = Http.get(realm.adminUrl(), realm.adminToken()).json();
        ((ObjectNode) representation.path("attributes"))
                .put("tenancy.kek.primaryVersion", "9");
        TenancyApi.expect(204, Http.put(realm.adminUrl(), realm.adminToken(), representation), "name version 9");
        try {
            JsonNode status = Http.get(tenancy.adminApi() + "/keys", realm.adminToken()).json();
            assertThat(status.path("primaryVersion").asInt()).isEqualTo(9);
            assertThat(status.path("primaryAvailable").asBoolean()).isFalse();
            HttpResult refused = create("olga", "no-key", "github", "SECRET", secret("no-key"));
            TenancyApi.expect(503, refused, "seal under a version this node lacks");
            assertThat(refused.json().path("errorMessage").asText()).contains("KEK version 9");

            HttpResult rotated = Http.post(tenancy.adminApi() + "/keys/rotate", realm.adminToken(), "{\"version\": 1}");
            TenancyApi.expect(200, rotated, "rotate away from version 9");
            assertThat(rotated.json().path("previousPrimaryVersion").asInt()).isEqualTo(9);
            TenancyApi.expect(201, create("olga", "no-key", "github", "SECRET", secret("no-key")), "sealed again");
        } finally {
            Http.post(tenancy.adminApi() + "/keys/rotate", realm.adminToken(), "{\"version\": 1}");
        }
        JsonNode events = Http.get(realm.adminUrl() + "/admin-events?max=1000", realm.adminToken()).json();
        assertThat(events).anySatisfy(event -> {
            assertThat(event.path("resourceType").asText()).isEqualTo("TENANCY_CREDENTIAL_KEYS");
            assertThat(event.path("resourcePath").asText()).isEqualTo("tenancy/keys/rotate");
            assertThat(event.path("representation").asText()).contains("\"previousPrimaryVersion\":9");
        });
    }

    @Test
    void theKeyStatusShowsVersionsAndCounts() {
        create("olga", "counted", "github", "SECRET", secret("counted"));

        JsonNode status = Http.get(tenancy.adminApi() + "/keys", realm.adminToken()).json();

        assertThat(status.path("primaryVersion").asInt()).isEqualTo(1);
        assertThat(status.path("nodePrimaryVersion").asInt()).isEqualTo(1);
        assertThat(status.path("availableVersions").toString()).isEqualTo("[1,2]");
        assertThat(status.path("credentialsByVersion").path("1").asLong()).isPositive();
        assertThat(status.path("pendingRewrap").asLong()).isZero();
        assertThat(status.path("bindingVersion").asInt()).isEqualTo(2);
        assertThat(status.path("pendingRebind").asLong()).as("every row made here is sealed under version 2").isZero();
        TenancyApi.expect(403, Http.get(tenancy.adminApi() + "/keys", realm.userToken("olga")), "a user");
    }
}
