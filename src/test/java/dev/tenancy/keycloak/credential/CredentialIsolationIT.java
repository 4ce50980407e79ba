package dev.tenancy.keycloak.credential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every credential endpoint, for every scope, as every kind of caller: the owner, another user, a tenant's
 * credential manager, a plain member, another tenant's manager, a stranger, a realm admin, a view-only
 * admin and nobody, from another realm, and with a token made from an API key of a tenant and realm admin. A credential of another owner is 404 (never shown), another
 * tenant is 403, and every refused change left every credential as it was.
 */
class CredentialIsolationIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();
    @RegisterExtension
    static final TestRealm otherRealm = new TestRealm();

    private static final String ANONYMOUS = null;
    private static final Map<String, String> TOKENS = new HashMap<>();
    private static TenancyApi tenancy;
    private static String acme;
    private static String globex;
    /** Ids of olga's USER credential, acme's and globex's TENANT credentials, and the SYSTEM one. */
    private static String user;
    private static String tenant;
    private static String foreign;
    private static String system;
    private static final Map<String, String> VALUES = new HashMap<>();

    private record Case(String caller, String method, String url, int status) {
    }

    @BeforeAll
    static void setUp() {
        tenancy = new TenancyApi(realm);
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-credentials"]}, "member": {}}, "modules": {},
                 "apiKeyClients": ["tenancy-service"]}
                """);
        acme = tenancy.createTenant("acme");
        globex = tenancy.createTenant("globex");
        tenancy.setRoles(acme, realm.createUser("olga"), "member");
        tenancy.setRoles(acme, realm.createUser("alice"), "admin");
        tenancy.setRoles(globex, realm.createUser("gus"), "admin");
        realm.createUser("nobody");
        realm.grantRealmManagementRole(realm.createUser("viewer"), "view-realm");
        String root = realm.createUser("root");
        tenancy.setRoles(acme, root, "admin");
        realm.grantRealmManagementRole(root, "realm-admin");
        otherRealm.createUser("olga");

        user = stored("olga", tenancy.selfService() + "/me/credentials", "{}");
        tenant = stored("alice", tenancy.selfService() + "/tenants/" + acme + "/credentials", "{}");
        foreign = stored("gus", tenancy.selfService() + "/tenants/" + globex + "/credentials", "{}");
        system = stored("admin", tenancy.adminApi() + "/credentials", "SYSTEM");
    }

    private static String token(String caller) {
        if (caller == null) {
            return null;
        }
        if ("admin".equals(caller)) {
            return realm.adminToken();
        }
        if ("other-admin".equals(caller)) {
            return otherRealm.adminToken();
        }
        if ("root-key".equals(caller)) {
            return TOKENS.computeIfAbsent(caller, name -> tenancy.keyToken("root", acme));
        }
        if ("other-olga".equals(caller)) {
            return TOKENS.computeIfAbsent(caller, name -> otherRealm.userToken("olga"));
        }
        return TOKENS.computeIfAbsent(caller, realm::userToken);
    }

    private static String stored(String caller, String url, String scope) {
        String value = "isolated-" + caller + "-" + java.util.UUID.randomUUID();
        var body = Json.object().put("name", "shared").put("provider", "smtp").put("type", "PASSWORD")
                .put("value", value).put("description", "original");
        if ("SYSTEM".equals(scope)) {
            body.put("scope", "SYSTEM");
        }
        HttpResult created = Http.post(url, token(caller), body);
        TenancyApi.expect(201, created, "store as " + caller);
        String id = created.json().path("id").asText();
        VALUES.put(id, value);
        return id;
    }

    /** The four operations on one credential URL, all expecting {@code status}. */
    private static List<Case> every(String caller, String credentialUrl, int status) {
        return List.of(
                new Case(caller, "GET", credentialUrl, status),
                new Case(caller, "PUT", credentialUrl, status),
                new Case(caller, "DELETE", credentialUrl, status),
                new Case(caller, "POST", credentialUrl + "/reveal", status));
    }

    /** The collection operations (list, create), expecting {@code status}. */
    private static List<Case> collection(String caller, String collectionUrl, int status) {
        return List.of(new Case(caller, "GET", collectionUrl, status), new Case(caller, "POST", collectionUrl, status));
    }

    @Test
    void everyCallerSeesOnlyWhatItsRoleAllows() {
        String me = tenancy.selfService() + "/me/credentials";
        String acmeUrl = tenancy.selfService() + "/tenants/" + acme + "/credentials";
        String globexUrl = tenancy.selfService() + "/tenants/" + globex + "/credentials";
        String admin = tenancy.adminApi() + "/credentials";
        String adminAcme = tenancy.adminApi() + "/tenants/" + acme + "/credentials";
        String keys = tenancy.adminApi() + "/keys";
        List<Case> cases = new ArrayList<>();

        // USER scope: only the owner, under /me; anybody else's /me does not have it.
        for (String other : List.of("alice", "gus", "nobody", "viewer")) {
            cases.addAll(every(other, me + "/" + user, 404));
        }
        for (String notUser : List.of(tenant, foreign, system)) {
            cases.addAll(every("olga", me + "/" + notUser, 404));
        }
        cases.addAll(collection(ANONYMOUS, me, 401));
        cases.addAll(every(ANONYMOUS, me + "/" + user, 401));
        cases.add(new Case("olga", "GET", me + "/" + user, 200));
        cases.add(new Case("olga", "POST", me + "/" + user + "/reveal", 200));

        // TENANT scope: managers of that tenant; members without the permission and outsiders are refused.
        for (String refused : List.of("olga", "gus", "nobody", "viewer")) {
            cases.addAll(collection(refused, acmeUrl, 403));
            cases.addAll(every(refused, acmeUrl + "/" + tenant, 403));
        }
        for (String notAcmes : List.of(foreign, user, system)) {
            cases.addAll(every("alice", acmeUrl + "/" + notAcmes, 404));
        }
        cases.addAll(collection("alice", globexUrl, 403));
        cases.addAll(every("alice", globexUrl + "/" + foreign, 403));
        cases.addAll(collection(ANONYMOUS, acmeUrl, 401));
        cases.add(new Case("alice", "GET", acmeUrl + "/" + tenant, 200));
        cases.add(new Case("alice", "POST", acmeUrl + "/" + tenant + "/reveal", 200));
        cases.add(new Case("gus", "POST", globexUrl + "/" + foreign + "/reveal", 200));

        // The admin API: realm admins; a view-only admin reads masked forms and nothing else; users nothing.
        for (String user : List.of("olga", "alice", "nobody")) {
            cases.addAll(collection(user, admin, 403));
            cases.addAll(every(user, admin + "/" + system, 403));
            cases.add(new Case(user, "GET", keys, 403));
            cases.add(new Case(user, "POST", keys + "/rotate", 403));
            cases.add(new Case(user, "POST", keys + "/rewrap", 403));
            cases.addAll(every(user, adminAcme + "/" + tenant, 403));
        }
        cases.addAll(collection(ANONYMOUS, admin, 401));
        cases.addAll(every(ANONYMOUS, admin + "/" + system, 401));
        cases.add(new Case("viewer", "GET", admin, 200));
        cases.add(new Case("viewer", "GET", admin + "/" + system, 200));
        cases.add(new Case("viewer", "GET", keys, 200));
        for (String[] refused : List.of(new String[] {"POST", admin}, new String[] {"PUT", admin + "/" + system},
                new String[] {"DELETE", admin + "/" + system}, new String[] {"POST", admin + "/" + system + "/reveal"},
                new String[] {"POST", keys + "/rotate"}, new String[] {"POST", keys + "/rewrap"},
                new String[] {"GET", adminAcme})) {
            cases.add(new Case("viewer", refused[0], refused[1], 403));
        }
        cases.addAll(every("admin", adminAcme + "/" + foreign, 404));
        for (String any : List.of(user, tenant, foreign, system)) {
            cases.add(new Case("admin", "POST", admin + "/" + any + "/reveal", 200));
        }

        // A token made from an API key of a tenant manager and realm admin: refused by every endpoint.
        cases.addAll(collection("root-key", me, 401));
        cases.addAll(every("root-key", me + "/" + user, 401));
        cases.addAll(collection("root-key", acmeUrl, 401));
        cases.addAll(every("root-key", acmeUrl + "/" + tenant, 401));
        cases.addAll(collection("root-key", admin, 401));
        cases.addAll(every("root-key", admin + "/" + system, 401));
        cases.addAll(every("root-key", adminAcme + "/" + tenant, 401));
        cases.add(new Case("root-key", "GET", keys, 401));
        cases.add(new Case("root-key", "POST", keys + "/rotate", 401));
        cases.add(new Case("root-key", "POST", keys + "/rewrap", 401));

        // Another realm: its admin and its own "olga" never reach this realm's credentials by id.
        String otherAdmin = new TenancyApi(otherRealm).adminApi() + "/credentials";
        String otherMe = new TenancyApi(otherRealm).selfService() + "/me/credentials";
        for (String any : List.of(user, tenant, system)) {
            cases.add(new Case("other-admin", "GET", otherAdmin + "/" + any, 404));
            cases.add(new Case("other-admin", "POST", otherAdmin + "/" + any + "/reveal", 404));
        }
        cases.addAll(every("other-olga", otherMe + "/" + user, 404));

        SoftAssertions soft = new SoftAssertions();
        for (Case check : cases) {
            String body = switch (check.method()) {
                case "PUT" -> "{\"description\": \"changed by " + check.caller() + "\"}";
                case "POST" -> check.url().endsWith("/reveal") || check.url().endsWith("/rotate")
                        || check.url().endsWith("/rewrap") ? null
                        : "{\"name\": \"sneaky\", \"provider\": \"smtp\", \"type\": \"SECRET\", \"value\": \"x\"}";
                default -> null;
            };
            HttpResult result = Http.send(check.method(), check.url(), token(check.caller()), body);
            soft.assertThat(result.status()).as(check.caller() + " " + check.method() + " " + check.url())
                    .isEqualTo(check.status());
            if (check.status() >= 400) {
                for (String value : VALUES.values()) {
                    soft.assertThat(result.body()).as("refusal body").doesNotContain(value);
                }
            }
        }
        soft.assertAll();
        System.out.printf("Credential isolation matrix: %d requests%n", cases.size());
        assertThat(cases).as("the matrix the docs report").hasSize(181);

        // Nothing refused changed or removed anything, and nothing refused was created.
        for (Map.Entry<String, String> stored : VALUES.entrySet()) {
            HttpResult revealed = Http.post(admin + "/" + stored.getKey() + "/reveal", token("admin"), null);
            assertThat(revealed.json().path("value").asText()).isEqualTo(stored.getValue());
            assertThat(Http.get(admin + "/" + stored.getKey(), token("admin")).json().path("description").asText())
                    .isEqualTo("original");
        }
        assertThat(Http.get(admin, token("admin")).json()).hasSize(VALUES.size());
    }
}
