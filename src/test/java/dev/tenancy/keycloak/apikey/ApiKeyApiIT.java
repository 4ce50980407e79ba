package dev.tenancy.keycloak.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Keys through the self-service and admin APIs: shown once, scoped by the owner, listed, revoked, rotated. */
class ApiKeyApiIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static TenancyApi tenancy;
    private static String acme;
    private static String globex;
    private static String ownerId;

    @BeforeAll
    static void setUp() {
        tenancy = new TenancyApi(realm);
        TenancyApi.expect(204, Http.put(realm.adminUrl(), realm.adminToken(), Json.object()
                .put("adminEventsEnabled", true).put("adminEventsDetailsEnabled", true)), "enable admin events");
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-api-keys", "view-members"]},
                           "operator": {"permissions": []}, "member": {}},
                 "modules": {"billing": {"admin": "admin", "operator": "write", "member": "read"},
                             "reports": {"admin": "read"}}}
                """);
        acme = tenancy.createTenant("acme");
        globex = tenancy.createTenant("globex");
        ownerId = realm.createUser("olga");
        tenancy.setRoles(acme, ownerId, "operator");
        tenancy.setRoles(globex, ownerId, "admin");
        tenancy.setRoles(acme, realm.createUser("keeper"), "admin");
        tenancy.setRoles(acme, realm.createUser("plain"), "member");
    }

    private static String mine() {
        return tenancy.selfService() + "/me/api-keys";
    }

    private static HttpResult create(String user, String body) {
        return Http.post(tenancy.selfService() + "/me/api-keys", realm.userToken(user), body);
    }

    @Test
    void theKeyIsShownOnceAndListsShowOnlyItsPrefix() {
        HttpResult created = create("olga", "{\"name\": \"ci\", \"tenantId\": \"" + acme
                + "\", \"scopes\": [\"billing:write\"], \"lifespanSeconds\": 3600}");

        TenancyApi.expect(201, created, "create");
        String key = created.json().path("key").asText();
        String id = created.json().path("id").asText();
        assertThat(key).matches("tnc_[0-9A-Za-z]{40}");
        assertThat(created.header("Location")).endsWith("/me/api-keys/" + id);
        assertThat(created.header("Cache-Control")).contains("no-store");
        assertThat(created.json().path("prefix").asText()).isEqualTo(key.substring(0, 10));
        assertThat(Json.texts(created.json().path("scopes"))).containsExactly("billing:write");
        assertThat(created.json().path("tenantId").asText()).isEqualTo(acme);
        assertThat(created.json().path("expiresAt").asText()).endsWith("Z");

        String listed = Http.get(mine(), realm.userToken("olga")).body();
        String one = Http.get(mine() + "/" + id, realm.userToken("olga")).body();
        assertThat(listed).contains(id).doesNotContain(key).doesNotContain("\"key\"");
        assertThat(one).contains(id).doesNotContain(key);
    }

    @Test
    void theOwnersKeysCanBeListedForOneTenant() {
        String inAcme = create("olga", "{\"name\": \"acme-only\", \"tenantId\": \"" + acme
                + "\", \"scopes\": [\"billing:read\"]}").json().path("id").asText();
        String inGlobex = create("olga", "{\"name\": \"globex-only\", \"tenantId\": \"" + globex
                + "\", \"scopes\": [\"billing:read\"]}").json().path("id").asText();

        List<String> acmeKeys = ids(Http.get(mine() + "?tenantId=" + acme, realm.userToken("olga")).json());
        List<String> globexKeys = ids(Http.get(mine() + "?tenantId=" + globex, realm.userToken("olga")).json());
        List<String> all = ids(Http.get(mine(), realm.userToken("olga")).json());
        HttpResult otherOwner = Http.get(mine() + "?tenantId=" + acme, realm.userToken("keeper"));
        HttpResult tooLong = Http.get(mine() + "?tenantId=" + "x".repeat(256), realm.userToken("olga"));

        assertThat(acmeKeys).contains(inAcme).doesNotContain(inGlobex);
        assertThat(globexKeys).contains(inGlobex).doesNotContain(inAcme);
        assertThat(all).contains(inAcme, inGlobex);
        assertThat(ids(otherOwner.json())).as("only the caller's own keys").doesNotContain(inAcme);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("errorMessage").asText()).contains("tenantId");
    }

    private static List<String> ids(JsonNode keys) {
        List<String> ids = new ArrayList<>();
        keys.forEach(key -> ids.add(key.path("id").asText()));
        return ids;
    }

    @Test
    void scopesMustBeWithinWhatTheOwnerHoldsInTheKeysOwnTenant() {
        HttpResult beyond = create("olga", "{\"name\": \"x\", \"tenantId\": \"" + acme + "\", \"scopes\": [\"billing:admin\"]}");
        HttpResult unknownModule = create("olga", "{\"name\": \"x\", \"tenantId\": \"" + acme + "\", \"scopes\": [\"audit:read\"]}");
        HttpResult inGlobex = create("olga", "{\"name\": \"x\", \"tenantId\": \"" + globex + "\", \"scopes\": [\"billing:admin\", \"reports:read\"]}");
        HttpResult personal = create("olga", "{\"name\": \"mine\", \"scopes\": [\"billing:admin\"]}");

        // olga holds billing:admin in globex, which does not lend her that level in acme.
        TenancyApi.expect(403, beyond, "beyond the operator's level in acme");
        assertThat(beyond.json().path("errorMessage").asText()).contains("billing:admin");
        TenancyApi.expect(403, unknownModule, "a module the owner has nothing in");
        TenancyApi.expect(201, inGlobex, "within the admin's levels");
        TenancyApi.expect(400, personal, "a key without a tenant");
        assertThat(personal.json().path("errorMessage").asText()).contains("tenantId");
    }

    @Test
    void onlyTheOwnersTenantsCanBeBound() {
        String stranger = tenancy.createTenant("stranger");

        HttpResult foreign = create("olga", "{\"name\": \"x\", \"tenantId\": \"" + stranger + "\"}");
        HttpResult unknown = create("olga", "{\"name\": \"x\", \"tenantId\": \"no-such-tenant\"}");

        TenancyApi.expect(403, foreign, "a tenant the owner is not in");
        TenancyApi.expect(403, unknown, "an unknown tenant");
    }

    @Test
    void ownersRevokeTheirKeysAndNobodyElsesThroughMe() {
        String id = create("olga", "{\"name\": \"to-revoke\", \"tenantId\": \"" + acme + "\"}").json().path("id").asText();

        HttpResult byOther = Http.post(mine() + "/" + id + "/revoke", realm.userToken("plain"), null);
        HttpResult byOwner = Http.post(mine() + "/" + id + "/revoke", realm.userToken("olga"), null);
        HttpResult again = Http.post(mine() + "/" + id + "/revoke", realm.userToken("olga"), null);

        TenancyApi.expect(404, byOther, "someone else's key under me");
        TenancyApi.expect(200, byOwner, "owner revokes");
        assertThat(byOwner.json().path("status").asText()).isEqualTo("revoked");
        assertThat(byOwner.json().path("revokedAt").asText()).endsWith("Z");
        TenancyApi.expect(409, again, "revoke twice");
    }

    @Test
    void tenantKeyManagersAndRealmAdminsListAndRevokeTheTenantsKeys() {
        String first = create("olga", "{\"name\": \"managed-1\", \"tenantId\": \"" + acme + "\"}").json().path("id").asText();
        String second = create("olga", "{\"name\": \"managed-2\", \"tenantId\": \"" + acme + "\"}").json().path("id").asText();
        String globexKey = create("olga", "{\"name\": \"other\", \"tenantId\": \"" + globex + "\"}").json().path("id").asText();
        String selfService = tenancy.selfService() + "/tenants/" + acme + "/api-keys";
        String admin = tenancy.adminApi() + "/tenants/" + acme + "/api-keys";

        HttpResult keeperList = Http.get(selfService, realm.userToken("keeper"));
        HttpResult plainList = Http.get(selfService, realm.userToken("plain"));
        HttpResult keeperRevoke = Http.post(selfService + "/" + first + "/revoke", realm.userToken("keeper"), null);
        HttpResult foreignRevoke = Http.post(selfService + "/" + globexKey + "/revoke", realm.userToken("keeper"), null);
        HttpResult adminRevoke = Http.post(admin + "/" + second + "/revoke", realm.adminToken(), null);

        TenancyApi.expect(200, keeperList, "manage-api-keys lists");
        assertThat(keeperList.body()).contains(first, second).doesNotContain(globexKey);
        TenancyApi.expect(403, plainList, "member without manage-api-keys");
        TenancyApi.expect(200, keeperRevoke, "manager revokes");
        TenancyApi.expect(404, foreignRevoke, "a key of another tenant through this one");
        TenancyApi.expect(200, adminRevoke, "realm admin revokes");
        assertThat(Http.get(admin, realm.adminToken()).body()).contains(first, second);
    }

    @Test
    void rotationIssuesANewKeyAndRetiresTheOld() {
        HttpResult created = create("olga", "{\"name\": \"rotating\", \"tenantId\": \"" + acme
                + "\", \"scopes\": [\"billing:read\"]}");
        String oldId = created.json().path("id").asText();

        HttpResult rotated = Http.post(mine() + "/" + oldId + "/rotate", realm.userToken("olga"),
                "{\"gracePeriodSeconds\": 600}");
        HttpResult twice = Http.post(mine() + "/" + oldId + "/rotate", realm.userToken("olga"), null);

        TenancyApi.expect(201, rotated, "rotate");
        assertThat(rotated.json().path("key").asText()).isNotEqualTo(created.json().path("key").asText());
        assertThat(rotated.json().path("name").asText()).isEqualTo("rotating");
        assertThat(Json.texts(rotated.json().path("scopes"))).containsExactly("billing:read");
        JsonNode old = Http.get(mine() + "/" + oldId, realm.userToken("olga")).json();
        assertThat(old.path("replacedBy").asText()).isEqualTo(rotated.json().path("id").asText());
        assertThat(old.path("status").asText()).isEqualTo("active");
        TenancyApi.expect(409, twice, "rotate a rotated key");
    }

    @Test
    void creationsRevocationsAndRotationsAreAdminEventsWithoutTheKey() {
        HttpResult created = create("olga", "{\"name\": \"audited\", \"tenantId\": \"" + acme + "\"}");
        String id = created.json().path("id").asText();
        HttpResult rotated = Http.post(mine() + "/" + id + "/rotate", realm.userToken("olga"), null);
        Http.post(mine() + "/" + rotated.json().path("id").asText() + "/revoke", realm.userToken("olga"), null);

        JsonNode events = Http.get(realm.adminUrl() + "/admin-events?max=1000", realm.adminToken()).json();
        List<String> seen = new java.util.ArrayList<>();
        for (JsonNode event : events) {
            if ("TENANCY_API_KEY".equals(event.path("resourceType").asText())) {
                assertThat(event.path("representation").asText())
                        .doesNotContain(created.json().path("key").asText())
                        .doesNotContain(rotated.json().path("key").asText());
                seen.add(event.path("operationType").asText() + " " + event.path("resourcePath").asText());
            }
        }
        String newId = rotated.json().path("id").asText();
        assertThat(seen).contains("CREATE tenancy/api-keys/" + id, "ACTION tenancy/api-keys/" + id + "/rotate",
                "CREATE tenancy/api-keys/" + newId, "ACTION tenancy/api-keys/" + newId + "/revoke");
    }
}
