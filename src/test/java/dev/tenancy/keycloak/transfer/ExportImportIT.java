package dev.tenancy.keycloak.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.InvitationForms;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.KeycloakTool;
import dev.tenancy.keycloak.support.MailServer;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A realm with tenancy data of every kind goes out through Keycloak's {@code kc.sh export} (a separate process on
 * the running server's database) and our {@code GET …/tenancy/export}, is deleted (which deletes our rows with it),
 * comes back through Keycloak's realm import and our {@code POST …/tenancy/import}, and works as before: roles,
 * overrides, configuration, invitations with their history (a pending link still registers), API keys (introspected
 * active), credentials of each scope (revealed with the same KEK). A second import changes nothing; a file that
 * refers to what the realm lacks is refused whole.
 */
class ExportImportIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    @RegisterExtension
    static final MailServer mail = new MailServer();

    /** Another realm of the same server, whose rows a crafted file must not touch or reveal. */
    @RegisterExtension
    static final TestRealm other = new TestRealm();

    private static final String[] KINDS = {"memberRoles", "moduleOverrides", "invitations", "invitationRoles",
        "invitationGroups", "apiKeys", "credentials", "domainProofs", "joinPolicies", "joinRequests"};

    private static TenancyApi tenancy;
    private static String acme;
    private static String ann;
    private static String pendingLink;
    private static String workingKey;
    private static String revokedKey;
    private static String carl;
    private static String initech;
    private static final Map<String, String> SECRETS = new LinkedHashMap<>();
    private static final Map<String, String> CREDENTIAL_URLS = new LinkedHashMap<>();

    @BeforeAll
    static void setUp() {
        // kc.sh export is a second Keycloak JVM (and a build of the tools copy): the production databases only,
        // to keep CI under its budget; the rows' fields are checked on their own by EntityRowsTest.
        Assumptions.assumeFalse("h2".equals(realm.server().database().name()),
                "ExportImportIT runs in the PostgreSQL and MariaDB runs");
        tenancy = new TenancyApi(realm);
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-members", "manage-invitations", "manage-api-keys",
                                                     "manage-credentials", "view-members"]},
                           "operator": {"permissions": ["view-members"]}, "member": {}},
                 "modules": {"billing": {"admin": "admin", "operator": "read", "member": "read"}},
                 "apiKeyClients": ["tenancy-service"], "apiKeyIntrospectionClients": ["tenancy-service"]}
                """);
        mail.configure(realm);
        TenancyApi.expect(204, Http.put(realm.adminUrl(), realm.adminToken(), Json.object()
                .put("adminEventsEnabled", true).put("adminEventsDetailsEnabled", true)), "enable admin events");
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/groups", realm.adminToken(),
                Json.object().put("name", "support")), "create group");
        acme = tenancy.createTenant("acme");
        String globex = tenancy.createTenant("globex");
        ann = realm.createUser("ann");
        String bob = realm.createUser("bob");
        carl = realm.createUser("carl");
        // manage-realm, manage-users and impersonation, but not manage-clients, which ann holds: Keycloak would not
        // let ops impersonate ann, so ops may not import ann's API keys either.
        String operatorId = realm.createUser("ops");
        for (String role : List.of("manage-realm", "manage-users", "impersonation")) {
            realm.grantRealmManagementRole(operatorId, role);
        }
        tenancy.setRoles(acme, ann, "admin");
        realm.grantRealmManagementRole(ann, "manage-clients");
        tenancy.setRoles(acme, bob, "operator");
        tenancy.setRoles(globex, bob, "member");
        TenancyApi.expect(200, Http.put(tenancy.adminApi() + "/tenants/" + acme + "/modules", realm.adminToken(),
                "{\"billing\": {\"operator\": \"write\"}}"), "override billing");

        pendingLink = mailedInvitation("newbie@example.com");
        String accepted = mailedInvitation("early@example.com");
        TenancyApi.expect(303, Http.postForm(realm.url() + "/tenancy/invitation",
                InvitationForms.registration(accepted, "early"), null), "accept an invitation");
        HttpResult toRevoke = Http.post(invitations(), realm.adminToken(), Json.object()
                .put("email", "gone@example.com").put("sendEmail", false));
        TenancyApi.expect(201, toRevoke, "invite gone@");
        TenancyApi.expect(200, Http.post(invitations() + "/" + toRevoke.json().path("id").asText() + "/revoke",
                realm.adminToken(), null), "revoke");

        workingKey = newKey("working");
        revokedKey = newKey("revoked");
        String revokedId = Http.get(tenancy.selfService() + "/me/api-keys", realm.userToken("ann")).json()
                .findParents("name").stream().filter(key -> key.path("name").asText().equals("revoked"))
                .findFirst().orElseThrow().path("id").asText();
        TenancyApi.expect(200, Http.post(tenancy.selfService() + "/me/api-keys/" + revokedId + "/revoke",
                realm.userToken("ann"), null), "revoke key");

        credential("user", tenancy.selfService() + "/me/credentials", realm.userToken("ann"), Json.object());
        credential("tenant", tenancy.adminApi() + "/tenants/" + acme + "/credentials", realm.adminToken(),
                Json.object());
        credential("system", tenancy.adminApi() + "/credentials", realm.adminToken(),
                Json.object().put("scope", "SYSTEM"));

        TenancyApi.expect(201, Http.post(tenancy.adminApi() + "/tenants/" + acme + "/domains", realm.adminToken(),
                "{\"domain\": \"acme-export.test\", \"verified\": true}"), "vouch for a domain");
        TenancyApi.expect(200, Http.put(tenancy.adminApi() + "/tenants/" + acme + "/join", realm.adminToken(),
                "{\"mode\": \"suggest\", \"defaultRole\": \"member\"}"), "suggest joining");
        String leaver = realm.createUser("leaver");
        tenancy.setRoles(acme, leaver, "member");
        TenancyApi.expect(204, Http.delete(tenancy.adminApi() + "/tenants/" + acme + "/members/" + leaver,
                realm.adminToken()), "remove a member (kept from rejoining by domain)");

        TenancyApi otherTenancy = new TenancyApi(other);
        otherTenancy.configure("{\"roles\": {\"member\": {}}, \"apiKeyClients\": [\"tenancy-service\"]}");
        initech = otherTenancy.createTenant("initech");
        otherTenancy.setRoles(initech, other.createUser("dora"), "member");
        TenancyApi.expect(201, Http.post(otherTenancy.selfService() + "/me/api-keys", other.userToken("dora"),
                "{\"name\": \"theirs\", \"tenantId\": \"" + initech + "\"}"), "a key in the other realm");
    }

    private static String invitations() {
        return tenancy.adminApi() + "/tenants/" + acme + "/invitations";
    }

    private static String mailedInvitation(String email) {
        int before = mail.received();
        ObjectNode body = Json.object().put("email", email).put("sendEmail", true);
        body.putArray("roles").add("operator");
        body.putArray("groups").add("/support");
        TenancyApi.expect(201, Http.post(invitations(), realm.adminToken(), body), "invite " + email);
        return mail.lastTo(email, before + 1).invitationLink();
    }

    private static String newKey(String name) {
        HttpResult created = Http.post(tenancy.selfService() + "/me/api-keys", realm.userToken("ann"),
                "{\"name\": \"" + name + "\", \"tenantId\": \"" + acme + "\", \"scopes\": [\"billing:read\"]}");
        TenancyApi.expect(201, created, "key " + name);
        return created.json().path("key").asText();
    }

    private static void credential(String label, String url, String token, ObjectNode body) {
        String value = label + "-secret-" + java.util.UUID.randomUUID();
        HttpResult created = Http.post(url, token, body.put("name", label).put("provider", "smtp")
                .put("type", "PASSWORD").put("value", value));
        TenancyApi.expect(201, created, "credential " + label);
        SECRETS.put(label, value);
        CREDENTIAL_URLS.put(label, url + "/" + created.json().path("id").asText());
    }

    private static HttpResult introspect(String key) {
        return Http.postForm(realm.url() + "/tenancy/api-keys/introspect", Map.of("token", key),
                TestRealm.SERVICE_CLIENT + ":" + TestRealm.SERVICE_SECRET);
    }

    private static JsonNode ourExport() {
        HttpResult exported = Http.get(tenancy.adminApi() + "/export", realm.adminToken());
        TenancyApi.expect(200, exported, "tenancy export");
        assertThat(exported.header("Cache-Control")).isEqualTo("no-store");
        return exported.json();
    }

    private static ObjectNode edited(JsonNode file, String kind, int row, String field, String value) {
        ObjectNode copy = file.deepCopy();
        ((ObjectNode) copy.path(kind).get(row)).put(field, value);
        return copy;
    }

    /** An import refused with {@code status} and a message holding {@code message}; the realm holds no row after it. */
    private static HttpResult refused(JsonNode file, String token, int status, String... message) {
        HttpResult result = Http.post(tenancy.adminApi() + "/import", token, file);
        TenancyApi.expect(status, result, "refused import");
        assertThat(result.body()).contains(message);
        for (String kind : KINDS) {
            assertThat(ourExport().path(kind).size()).as("rows written by a refused import: " + kind).isZero();
        }
        return result;
    }

    @Test
    void everyKindOfRowComesBackThroughKeycloaksExportAndOursAndWorks() throws Exception {
        JsonNode config = Http.get(tenancy.adminApi() + "/config", realm.adminToken()).json();
        JsonNode members = Http.get(tenancy.adminApi() + "/tenants/" + acme + "/members", realm.adminToken()).json();
        JsonNode modules = Http.get(tenancy.adminApi() + "/tenants/" + acme + "/modules", realm.adminToken()).json();
        JsonNode invitationsBefore = Http.get(invitations(), realm.adminToken()).json();
        JsonNode domains = Http.get(tenancy.adminApi() + "/tenants/" + acme + "/domains", realm.adminToken()).json();
        JsonNode join = Http.get(tenancy.adminApi() + "/tenants/" + acme + "/join", realm.adminToken()).json();
        JsonNode ours = ourExport();
        for (String kind : KINDS) {
            assertThat(ours.path(kind).size()).as(kind).isPositive();
        }
        String file = ours.toString();
        String linkToken = pendingLink.substring(pendingLink.indexOf("token=") + "token=".length());
        assertThat(file).doesNotContain(workingKey, revokedKey, linkToken);
        SECRETS.values().forEach(secret -> assertThat(file).doesNotContain(secret));
        assertThat(ours.path("organizations").path(acme).asText()).isEqualTo("acme");
        assertThat(ours.path("users").path(ann).asText()).isEqualTo("ann");

        Path keycloakFile = Paths.get("target", realm.name() + "-realm.json").toAbsolutePath();
        Files.deleteIfExists(keycloakFile);
        KeycloakTool.run(realm.server(), "export", "--realm=" + realm.name(), "--file=" + keycloakFile,
                "--users=same_file");
        JsonNode keycloakExport = Json.parse(Files.readString(keycloakFile));
        assertThat(keycloakExport.path("attributes").path("tenancy.config").asText())
                .as("the tenancy configuration travels as a realm attribute").contains("billing");

        TenancyApi.expect(204, Http.delete(realm.adminUrl(), realm.adminToken()), "delete the realm");
        TenancyApi.expect(201, Http.post(realm.server().baseUrl() + "/admin/realms", realm.adminToken(),
                keycloakExport), "Keycloak's import of the realm");
        for (String kind : KINDS) {
            assertThat(ourExport().path(kind).size()).as("rows left of " + kind).isZero();
        }

        // Files that do not fit the realm, or are made up, are refused whole; the realm keeps no row of them.
        refused(edited(ours, "memberRoles", 0, "userId", "00000000-0000-0000-0000-000000000000"), realm.adminToken(),
                409, "user '00000000-0000-0000-0000-000000000000'", "nothing was imported");
        refused(edited(ours, "memberRoles", 0, "userId", carl), realm.adminToken(), 409,
                "memberRoles[0]: the user is no member of the organization");
        refused(edited(ours, "memberRoles", 0, "roleName", "owner"), realm.adminToken(), 409,
                "memberRoles[0]: role 'owner' is not configured");
        refused(edited(ours, "invitationRoles", 0, "invitationId", "11111111-1111-1111-1111-111111111111"),
                realm.adminToken(), 400, "'invitationRoles[0].invitationId' names no invitation of the file");
        String theirHash = Http.get(new TenancyApi(other).adminApi() + "/export", other.adminToken()).json()
                .path("apiKeys").path(0).path("keyHash").asText();
        HttpResult planted = refused(edited(ours, "apiKeys", 0, "keyHash", theirHash), realm.adminToken(), 409,
                "held by rows outside this realm");
        assertThat(planted.body()).doesNotContain(other.name(), other.id());
        refused(ours, realm.userToken("ops"), 403, "API keys of user 'ann', whom you may not impersonate",
                "nothing was imported");
        HttpResult foreignTenant = refused(edited(ours, "memberRoles", 0, "tenantId", initech), realm.adminToken(),
                409, "organization '" + initech + "'");
        assertThat(foreignTenant.body()).doesNotContain("initech");
        refused(edited(ours, "credentials", 0, "metadata", "x"), realm.adminToken(), 400,
                "'credentials[0].metadata' is not metadata as the API stores it");
        String dotted = ours.path("apiKeys").path(0).path("id").asText().substring(0, 34) + ".x";
        refused(edited(ours, "apiKeys", 0, "id", dotted),
                realm.adminToken(), 400, "'apiKeys[0].id' must be a lower-case UUID");
        ObjectNode future = ours.deepCopy();
        ((ObjectNode) future.path("invitations").get(0)).put("sentAt", System.currentTimeMillis() + 86_400_000L);
        refused(future, realm.adminToken(), 400, "'invitations[0].sentAt' must be a time of the past");

        // The pending key is derived from the row, never taken from the file.
        ObjectNode madeUpPendingKey = ours.deepCopy();
        for (JsonNode invitation : madeUpPendingKey.path("invitations")) {
            if (!invitation.path("pendingKey").isNull()) {
                ((ObjectNode) invitation).put("pendingKey", "f".repeat(64));
            }
        }
        // Two imports at once: the realm's lock makes the second wait and find the first's rows (a repeat).
        String adminToken = realm.adminToken();
        CompletableFuture<HttpResult> first = CompletableFuture.supplyAsync(
                () -> Http.post(tenancy.adminApi() + "/import", adminToken, madeUpPendingKey));
        CompletableFuture<HttpResult> second = CompletableFuture.supplyAsync(
                () -> Http.post(tenancy.adminApi() + "/import", adminToken, ours));
        TenancyApi.expect(200, first.join(), "tenancy import");
        TenancyApi.expect(200, second.join(), "the same import at the same time");
        boolean firstWrote = first.join().json().path("imported").path("memberRoles").asInt() > 0;
        HttpResult imported = firstWrote ? first.join() : second.join();
        HttpResult again = firstWrote ? second.join() : first.join();
        for (String kind : KINDS) {
            int rows = ours.path(kind).size();
            assertThat(imported.json().path("imported").path(kind).asInt()).as(kind).isEqualTo(rows);
            assertThat(again.json().path("imported").path(kind).asInt()).as(kind).isZero();
            assertThat(again.json().path("alreadyPresent").path(kind).asInt()).as(kind).isEqualTo(rows);
        }
        JsonNode back = ourExport();
        for (String kind : KINDS) {
            assertThat(back.path(kind)).as(kind).isEqualTo(ours.path(kind));
        }
        // Into a realm with data an import only confirms a repeat: a changed row is refused, nothing merged.
        HttpResult changed = Http.post(tenancy.adminApi() + "/import", realm.adminToken(),
                edited(ours, "apiKeys", 0, "scopes", "[\"billing:admin\"]"));
        TenancyApi.expect(409, changed, "a changed key into a realm with data");
        assertThat(changed.json().path("errorMessage").asText()).contains("apiKeys[0]", "never merges",
                "Nothing was imported");
        assertThat(ourExport().path("apiKeys")).isEqualTo(ours.path("apiKeys"));

        assertThat(Http.get(tenancy.adminApi() + "/config", realm.adminToken()).json()).isEqualTo(config);
        assertThat(Http.get(tenancy.adminApi() + "/tenants/" + acme + "/members", realm.adminToken()).json())
                .isEqualTo(members);
        assertThat(Http.get(tenancy.adminApi() + "/tenants/" + acme + "/modules", realm.adminToken()).json())
                .isEqualTo(modules);
        assertThat(Http.get(invitations(), realm.adminToken()).json()).isEqualTo(invitationsBefore);
        assertThat(Http.get(tenancy.adminApi() + "/tenants/" + acme + "/domains", realm.adminToken()).json())
                .isEqualTo(domains);
        assertThat(Http.get(tenancy.adminApi() + "/tenants/" + acme + "/join", realm.adminToken()).json())
                .isEqualTo(join);

        JsonNode active = introspect(workingKey).json();
        assertThat(active.path("active").asBoolean()).isTrue();
        assertThat(active.path("tenant_id").asText()).isEqualTo(acme);
        assertThat(active.path("sub").asText()).isEqualTo(ann);
        assertThat(introspect(revokedKey).json().path("active").asBoolean()).isFalse();

        for (Map.Entry<String, String> credential : CREDENTIAL_URLS.entrySet()) {
            String token = credential.getKey().equals("user") ? realm.userToken("ann") : realm.adminToken();
            HttpResult revealed = Http.post(credential.getValue() + "/reveal", token, null);
            TenancyApi.expect(200, revealed, "reveal " + credential.getKey());
            assertThat(revealed.json().path("value").asText()).isEqualTo(SECRETS.get(credential.getKey()));
        }

        // An old file cannot bring back what was deleted since.
        TenancyApi.expect(204, Http.delete(CREDENTIAL_URLS.get("system"), realm.adminToken()),
                "delete the system credential");
        TenancyApi.expect(409, Http.post(tenancy.adminApi() + "/import", realm.adminToken(), ours),
                "the old file after a deletion");
        TenancyApi.expect(404, Http.get(CREDENTIAL_URLS.get("system"), realm.adminToken()),
                "the deleted credential stays deleted");

        TenancyApi.expect(303, Http.postForm(realm.url() + "/tenancy/invitation",
                InvitationForms.registration(pendingLink, "newbie"), null), "register from the pending link");
        String newbie = Http.get(realm.adminUrl() + "/users?username=newbie&exact=true", realm.adminToken()).json()
                .path(0).path("id").asText();
        JsonNode member = Http.get(tenancy.adminApi() + "/tenants/" + acme + "/members/" + newbie,
                realm.adminToken()).json();
        assertThat(Json.texts(member.path("roles"))).containsExactly("operator");
        List<String> events = new ArrayList<>();
        Http.get(realm.adminUrl() + "/admin-events?max=1000", realm.adminToken()).json().forEach(event -> {
            if (event.path("resourceType").asText().equals("TENANCY_TRANSFER")) {
                events.add(event.path("operationType").asText() + " " + event.path("resourcePath").asText());
            }
        });
        assertThat(events).contains("CREATE tenancy/import", "ACTION tenancy/export");

        List<String> statuses = new ArrayList<>();
        Http.get(invitations(), realm.adminToken()).json().forEach(i -> statuses.add(i.path("status").asText()));
        assertThat(statuses).containsExactlyInAnyOrder("accepted", "accepted", "revoked");
    }
}
