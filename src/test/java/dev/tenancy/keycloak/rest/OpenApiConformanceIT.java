package dev.tenancy.keycloak.rest;

import static dev.tenancy.keycloak.rest.DocumentedApi.delete;
import static dev.tenancy.keycloak.rest.DocumentedApi.get;
import static dev.tenancy.keycloak.rest.DocumentedApi.post;
import static dev.tenancy.keycloak.rest.DocumentedApi.put;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.LoopbackDns;
import dev.tenancy.keycloak.support.MailServer;
import dev.tenancy.keycloak.support.SignInForms;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code docs/openapi.yaml} against the running server: every documented operation is called, with a valid
 * request and with the errors that are cheap to provoke, and every exchange is checked against the document
 * (status documented, content type, body matching its schema). The last test fails if an operation was never
 * called. {@link OpenApiDocumentTest} checks the other direction: every operation the server has is documented.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiConformanceIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    @RegisterExtension
    static final MailServer mail = new MailServer();

    @RegisterExtension
    static final LoopbackDns dns = new LoopbackDns();

    private static final String UNKNOWN = "00000000-0000-0000-0000-000000000000";
    /** Shaped like an invitation token (43 base64url characters), but never issued. */
    private static final String UNKNOWN_TOKEN = "A".repeat(43);
    private static final String CONFIG = """
            {"roles": {"admin": {"permissions": ["manage-tenant", "manage-members", "manage-invitations",
                                                 "manage-api-keys", "manage-credentials", "view-members"]},
                       "operator": {"permissions": ["view-members"]},
                       "member": {}},
             "modules": {"billing": {"admin": "admin", "operator": "write", "member": "read"}},
             "apiKeyClients": ["tenancy-service"]}
            """;

    private static final Map<String, IssuedToken> TOKENS = new HashMap<>();
    private static DocumentedApi api;
    private static String admin;
    private static String self;
    private static String acme;
    private static String globex;
    private static String ann;
    private static String max;
    private static String zoe;

    @BeforeAll
    static void setUp() {
        api = new DocumentedApi(realm.server().baseUrl(), OpenApiDocument.read());
        admin = "/admin/realms/" + realm.name() + "/tenancy";
        self = "/realms/" + realm.name() + "/tenancy";
        mail.configure(realm);
        ann = realm.createUser("ann");
        max = realm.createUser("max");
        zoe = realm.createUser("zoe");
        api.expect(200, put(admin + "/config").bearer(adminToken()).json(CONFIG));
        acme = api.expect(201, post(admin + "/tenants").bearer(adminToken())
                .json(Json.object().put("name", "ACME").put("alias", "acme"))).json().path("id").asText();
        globex = api.expect(201, post(admin + "/tenants").bearer(adminToken())
                .json(Json.object().put("name", "Globex").put("alias", "globex"))).json().path("id").asText();
        api.expect(200, put(admin + "/tenants/" + acme + "/members/" + ann).bearer(adminToken()).json(roles("admin")));
        api.expect(200, put(admin + "/tenants/" + acme + "/members/" + max).bearer(adminToken()).json(roles("member")));
    }

    /** Each test names every mismatch it met, not just the first. */
    @AfterEach
    void answersMatchTheDocument() {
        assertThat(api.mismatches()).as("exchanges that differ from %s", OpenApiDocument.FILE).isEmpty();
    }

    @Test
    @Order(1)
    void configuration() {
        api.expect(200, get(admin + "/config").bearer(adminToken()));
        api.expect(401, get(admin + "/config"));
        api.expect(403, get(admin + "/config").bearer(token("ann")));
        api.expect(400, put(admin + "/config").bearer(adminToken()).json("{\"roles\": 7}").malformed());
    }

    @Test
    @Order(2)
    void tenants() {
        api.expect(200, get(admin + "/tenants?search=ac&first=0&max=10").bearer(adminToken()));
        api.expect(400, get(admin + "/tenants?first=-1").bearer(adminToken()).malformed());
        api.expect(409, post(admin + "/tenants").bearer(adminToken())
                .json(Json.object().put("name", "ACME again").put("alias", "acme")));
        api.expect(400, post(admin + "/tenants").bearer(adminToken()).json("{\"name\": 1}").malformed());
        api.expect(200, get(admin + "/tenants/" + acme).bearer(adminToken()));
        api.expect(404, get(admin + "/tenants/" + UNKNOWN).bearer(adminToken()));
        api.expect(200, put(admin + "/tenants/" + globex).bearer(adminToken())
                .json(Json.object().put("name", "Globex Corp")));
        String initech = api.expect(201, post(admin + "/tenants").bearer(adminToken())
                .json(Json.object().put("name", "Initech").put("alias", "initech"))).json().path("id").asText();
        api.expect(204, delete(admin + "/tenants/" + initech).bearer(adminToken()));
        api.expect(404, delete(admin + "/tenants/" + initech).bearer(adminToken()));
        api.expect(403, get(admin + "/tenants").bearer(token("ann")));
    }

    @Test
    @Order(3)
    void membersAndModulesInTheAdminApi() {
        String members = admin + "/tenants/" + acme + "/members";
        api.expect(200, get(members + "?first=0&max=10").bearer(adminToken()));
        api.expect(200, get(members + "/" + ann).bearer(adminToken()));
        api.expect(404, get(members + "/" + zoe).bearer(adminToken()));
        api.expect(200, put(members + "/" + zoe).bearer(adminToken()).json(roles("operator")));
        api.expect(400, put(members + "/" + zoe).bearer(adminToken()).json(roles("no-such-role")));
        api.expect(204, delete(members + "/" + zoe).bearer(adminToken()));
        api.expect(404, delete(members + "/" + zoe).bearer(adminToken()));

        String modules = admin + "/tenants/" + acme + "/modules";
        api.expect(200, get(modules).bearer(adminToken()));
        api.expect(200, put(modules).bearer(adminToken()).json("{\"billing\": {\"operator\": \"read\"}}"));
        api.expect(400, put(modules).bearer(adminToken()).json("{\"billing\": {\"operator\": \"all\"}}").malformed());
        api.expect(404, get(admin + "/tenants/" + UNKNOWN + "/modules").bearer(adminToken()));
    }

    @Test
    @Order(4)
    void invitationsInTheAdminApi() {
        String invitations = admin + "/tenants/" + acme + "/invitations";
        JsonNode created = api.expect(201, post(invitations).bearer(adminToken())
                .json(invitation("new@example.com", "operator").put("sendEmail", false))).json();
        String id = created.path("id").asText();
        api.expect(409, post(invitations).bearer(adminToken())
                .json(invitation("new@example.com", "operator").put("sendEmail", false)));
        api.expect(400, post(invitations).bearer(adminToken()).json(invitation("not an address")).malformed());
        api.expect(200, get(invitations + "?status=pending&first=0&max=10").bearer(adminToken()));
        api.expect(200, get(invitations + "/" + id).bearer(adminToken()));
        api.expect(404, get(invitations + "/" + UNKNOWN).bearer(adminToken()));
        api.expect(200, post(invitations + "/" + id + "/resend").bearer(adminToken())
                .json(Json.object().put("sendEmail", false)));
        api.expect(200, post(invitations + "/" + id + "/revoke").bearer(adminToken()));
        api.expect(409, post(invitations + "/" + id + "/revoke").bearer(adminToken()));
    }

    @Test
    @Order(5)
    void invitationPages() {
        String invitations = admin + "/tenants/" + acme + "/invitations";
        String link = api.expect(201, post(invitations).bearer(adminToken())
                .json(invitation("guest@example.com", "member").put("sendEmail", false))).json().path("link").asText();
        String token = link.substring(link.indexOf("token=") + "token=".length());
        String page = self + "/invitation";

        api.expect(200, get(page + "?token=" + token).accept("text/html"));
        api.expect(404, get(page + "?token=" + UNKNOWN_TOKEN).accept("text/html"));
        api.expect(400, post(page).accept("text/html").form(Map.of("token", token, "action", "juggle")).malformed());
        api.expect(200, post(page).accept("text/html").form(Map.of("token", token, "action", "decline")));
        api.expect(410, get(page + "?token=" + token).accept("text/html"));
        api.expect(404, post(page).accept("text/html").form(Map.of("token", UNKNOWN_TOKEN, "action", "decline")));
    }

    @Test
    @Order(6)
    void selfServiceTenantsMembersAndModules() {
        String tenant = self + "/tenants/" + acme;
        api.expect(200, get(self + "/me/tenants").bearer(token("ann")));
        api.expect(401, get(self + "/me/tenants"));
        api.expect(200, get(tenant).bearer(token("ann")));
        api.expect(403, get(self + "/tenants/" + globex).bearer(token("ann")));

        api.expect(200, get(tenant + "/members?search=max").bearer(token("ann")));
        api.expect(403, get(tenant + "/members").bearer(token("max")));
        api.expect(200, get(tenant + "/members/" + max).bearer(token("ann")));
        api.expect(404, get(tenant + "/members/" + zoe).bearer(token("ann")));
        api.expect(404, put(tenant + "/members/" + zoe).bearer(token("ann")).json(roles("member")));
        api.expect(200, put(tenant + "/members/" + max).bearer(token("ann")).json(roles("member")));
        api.expect(403, put(tenant + "/members/" + max).bearer(token("max")).json(roles("admin")));
        api.expect(400, put(tenant + "/members/" + max).bearer(token("ann")).json("{\"roles\": \"member\"}")
                .malformed());
        api.expect(200, put(admin + "/tenants/" + acme + "/members/" + zoe).bearer(adminToken())
                .json(roles("member")));
        api.expect(204, delete(tenant + "/members/" + zoe).bearer(token("ann")));
        api.expect(404, delete(tenant + "/members/" + zoe).bearer(token("ann")));

        api.expect(200, get(tenant + "/modules").bearer(token("max")));
        api.expect(200, put(tenant + "/modules").bearer(token("ann")).json("{\"billing\": {\"member\": \"read\"}}"));
        api.expect(403, put(tenant + "/modules").bearer(token("max")).json("{\"billing\": {\"member\": \"read\"}}"));
    }

    @Test
    @Order(7)
    void selfServiceInvitations() {
        String invitations = self + "/tenants/" + acme + "/invitations";
        String id = api.expect(201, post(invitations).bearer(token("ann"))
                .json(invitation("colleague@example.com", "operator"))).json().path("id").asText();
        api.expect(409, post(invitations).bearer(token("ann")).json(invitation("colleague@example.com", "operator")));
        api.expect(403, post(invitations).bearer(token("max")).json(invitation("friend@example.com", "member")));
        api.expect(200, get(invitations + "?email=colleague").bearer(token("ann")));
        api.expect(400, get(invitations + "?status=lost").bearer(token("ann")).malformed());
        api.expect(200, get(invitations + "/" + id).bearer(token("ann")));
        api.expect(404, get(invitations + "/" + UNKNOWN).bearer(token("ann")));
        api.expect(200, post(invitations + "/" + id + "/resend").bearer(token("ann")));
        api.expect(200, post(invitations + "/" + id + "/revoke").bearer(token("ann")));
        api.expect(409, post(invitations + "/" + id + "/revoke").bearer(token("ann")));
    }

    @Test
    @Order(8)
    void apiKeys() {
        String mine = self + "/me/api-keys";
        JsonNode created = api.expect(201, post(mine).bearer(token("ann"))
                .json(apiKey("ci").put("tenantId", acme))).json();
        String id = created.path("id").asText();
        String key = created.path("key").asText();
        api.expect(400, post(mine).bearer(token("ann")).json("{\"name\": \"\"}").malformed());
        api.expect(403, post(mine).bearer(token("ann")).json(apiKey("elsewhere").put("tenantId", globex)));
        api.expect(200, get(mine + "?tenantId=" + acme + "&first=0&max=10").bearer(token("ann")));
        api.expect(200, get(mine + "/" + id).bearer(token("ann")));
        api.expect(404, get(mine + "/" + UNKNOWN).bearer(token("ann")));

        String introspect = self + "/api-keys/introspect";
        api.expect(200, post(introspect).basic(TestRealm.SERVICE_CLIENT, TestRealm.SERVICE_SECRET)
                .form(Map.of("token", key)));
        api.expect(200, post(introspect).basic(TestRealm.SERVICE_CLIENT, TestRealm.SERVICE_SECRET)
                .form(Map.of("token", "tnc_not-a-key")));
        api.expect(401, post(introspect).form(Map.of("token", key)).malformed());
        String standard = "/realms/" + realm.name() + "/protocol/openid-connect/token/introspect";
        api.expect(200, post(standard).basic(TestRealm.SERVICE_CLIENT, TestRealm.SERVICE_SECRET)
                .form(Map.of("token", key, "token_type_hint", "api_key")));
        api.expect(200, post(standard).basic(TestRealm.SERVICE_CLIENT, TestRealm.SERVICE_SECRET)
                .form(Map.of("token", "tnc_not-a-key", "token_type_hint", "api_key")));
        String tokenUrl = "/realms/" + realm.name() + "/protocol/openid-connect/token";
        api.expect(200, post(tokenUrl).basic(TestRealm.SERVICE_CLIENT, TestRealm.SERVICE_SECRET)
                .form(Map.of("grant_type", "urn:tenancy:grant-type:api-key", "api_key", key)));
        api.expect(400, post(tokenUrl).basic(TestRealm.SERVICE_CLIENT, TestRealm.SERVICE_SECRET)
                .form(Map.of("grant_type", "urn:tenancy:grant-type:api-key", "api_key", "tnc_not-a-key")));

        String rotated = api.expect(201, post(mine + "/" + id + "/rotate").bearer(token("ann"))
                .json(Json.object().put("gracePeriodSeconds", 0))).json().path("id").asText();
        api.expect(409, post(mine + "/" + id + "/rotate").bearer(token("ann")));
        api.expect(200, post(mine + "/" + rotated + "/revoke").bearer(token("ann")));
        api.expect(409, post(mine + "/" + rotated + "/revoke").bearer(token("ann")));
        api.expect(404, post(mine + "/" + UNKNOWN + "/revoke").bearer(token("ann")));

        String maxKey = api.expect(201, post(mine).bearer(token("max")).json(apiKey("max").put("tenantId", acme)))
                .json().path("id").asText();
        String tenantKeys = self + "/tenants/" + acme + "/api-keys";
        api.expect(200, get(tenantKeys + "?first=0&max=10").bearer(token("ann")));
        api.expect(403, get(tenantKeys).bearer(token("max")));
        api.expect(200, post(tenantKeys + "/" + maxKey + "/revoke").bearer(token("ann")));
        api.expect(409, post(tenantKeys + "/" + maxKey + "/revoke").bearer(token("ann")));

        String another = api.expect(201, post(mine).bearer(token("max")).json(apiKey("max 2").put("tenantId", acme)))
                .json().path("id").asText();
        String adminKeys = admin + "/tenants/" + acme + "/api-keys";
        api.expect(200, get(adminKeys).bearer(adminToken()));
        api.expect(200, post(adminKeys + "/" + another + "/revoke").bearer(adminToken()));
        api.expect(409, post(adminKeys + "/" + another + "/revoke").bearer(adminToken()));
        api.expect(404, post(adminKeys + "/" + UNKNOWN + "/revoke").bearer(adminToken()));
    }

    @Test
    @Order(9)
    void credentialsInTheAdminApi() {
        String credentials = admin + "/credentials";
        String system = api.expect(201, post(credentials).bearer(adminToken())
                .json(credential("relay").put("scope", "SYSTEM"))).json().path("id").asText();
        api.expect(409, post(credentials).bearer(adminToken()).json(credential("relay").put("scope", "SYSTEM")));
        api.expect(400, post(credentials).bearer(adminToken()).json(credential("odd").put("scope", "WORLD"))
                .malformed());
        api.expect(200, get(credentials + "?scope=SYSTEM&first=0&max=10").bearer(adminToken()));
        api.expect(200, get(credentials + "/" + system).bearer(adminToken()));
        api.expect(404, get(credentials + "/" + UNKNOWN).bearer(adminToken()));
        api.expect(200, put(credentials + "/" + system).bearer(adminToken()).json(Json.object().put("value", "pw-2")));
        api.expect(200, post(credentials + "/" + system + "/reveal").bearer(adminToken()));
        api.expect(204, delete(credentials + "/" + system).bearer(adminToken()));
        api.expect(404, delete(credentials + "/" + system).bearer(adminToken()));
        api.expect(403, get(credentials).bearer(token("ann")));

        String tenantCredentials = admin + "/tenants/" + acme + "/credentials";
        String id = api.expect(201, post(tenantCredentials).bearer(adminToken()).json(credential("smtp")))
                .json().path("id").asText();
        api.expect(200, get(tenantCredentials + "?provider=smtp").bearer(adminToken()));
        api.expect(200, get(tenantCredentials + "/" + id).bearer(adminToken()));
        api.expect(200, put(tenantCredentials + "/" + id).bearer(adminToken()).json(Json.object().put("active", false)));
        api.expect(409, post(tenantCredentials + "/" + id + "/reveal").bearer(adminToken()));
        api.expect(200, put(tenantCredentials + "/" + id).bearer(adminToken()).json(Json.object().put("active", true)));
        api.expect(200, post(tenantCredentials + "/" + id + "/reveal").bearer(adminToken()));
        api.expect(204, delete(tenantCredentials + "/" + id).bearer(adminToken()));
        api.expect(404, get(tenantCredentials + "/" + id).bearer(adminToken()));

        api.expect(200, get(admin + "/keys").bearer(adminToken()));
        api.expect(400, post(admin + "/keys/rotate").bearer(adminToken()).json(Json.object().put("version", 99)));
        api.expect(200, post(admin + "/keys/rotate").bearer(adminToken()).json(Json.object().put("version", 2)));
        api.expect(202, post(admin + "/keys/rewrap").bearer(adminToken()));
    }

    @Test
    @Order(10)
    void credentialsInTheSelfServiceApi() {
        String mine = self + "/me/credentials";
        String id = api.expect(201, post(mine).bearer(token("max")).json(credential("personal")))
                .json().path("id").asText();
        api.expect(409, post(mine).bearer(token("max")).json(credential("personal")));
        api.expect(400, post(mine).bearer(token("max")).json(credential("typed").put("type", "KEY")).malformed());
        api.expect(200, get(mine + "?type=PASSWORD").bearer(token("max")));
        api.expect(200, get(mine + "/" + id).bearer(token("max")));
        api.expect(404, get(mine + "/" + id).bearer(token("ann")));
        api.expect(200, put(mine + "/" + id).bearer(token("max")).json(Json.object().put("description", "mine")));
        api.expect(200, post(mine + "/" + id + "/reveal").bearer(token("max")));
        api.expect(204, delete(mine + "/" + id).bearer(token("max")));
        api.expect(404, delete(mine + "/" + id).bearer(token("max")));

        String tenant = self + "/tenants/" + acme + "/credentials";
        String shared = api.expect(201, post(tenant).bearer(token("ann")).json(credential("shared")))
                .json().path("id").asText();
        api.expect(403, post(tenant).bearer(token("max")).json(credential("not allowed")));
        api.expect(200, get(tenant).bearer(token("ann")));
        api.expect(200, get(tenant + "/" + shared).bearer(token("ann")));
        api.expect(200, put(tenant + "/" + shared).bearer(token("ann")).json(Json.object().put("value", "pw-2")));
        api.expect(200, post(tenant + "/" + shared + "/reveal").bearer(token("ann")));
        api.expect(204, delete(tenant + "/" + shared).bearer(token("ann")));
        api.expect(404, post(tenant + "/" + shared + "/reveal").bearer(token("ann")));
    }

    @Test
    @Order(11)
    void console() {
        api.expect(302, get(self + "/console").accept("text/html"));
        api.expect(200, get(self + "/console/").accept("text/html"));
        HttpResult module = api.expect(200, get(self + "/console/app.js").accept("text/javascript"));
        api.expect(304, get(self + "/console/app.js").accept("text/javascript")
                .header("If-None-Match", module.header("ETag")));
        api.expect(404, get(self + "/console/nothing.js").accept("text/javascript"));
    }

    @Test
    @Order(12)
    void exportAndImport() {
        HttpResult exported = api.expect(200, get(admin + "/export").bearer(adminToken()));
        api.expect(401, get(admin + "/export"));
        api.expect(403, get(admin + "/export").bearer(token("ann")));
        api.expect(200, post(admin + "/import").bearer(adminToken()).json(exported.json()));
        api.expect(401, post(admin + "/import").json(exported.json()));
        api.expect(403, post(admin + "/import").bearer(token("ann")).json(exported.json()));
        api.expect(400, post(admin + "/import").bearer(adminToken()).json("{\"format\": 7}").malformed());
        ObjectNode otherRealm = exported.json().deepCopy();
        ((ObjectNode) otherRealm.path("realm")).put("id", UNKNOWN);
        api.expect(409, post(admin + "/import").bearer(adminToken()).json(otherRealm));
    }

    @Test
    @Order(13)
    void domains() {
        api.expect(201, post(admin + "/tenants/" + globex + "/domains").bearer(adminToken())
                .json(Json.object().put("domain", "held.test").put("verified", true)));
        api.expect(409, post(admin + "/tenants/" + acme + "/domains").bearer(adminToken())
                .json(Json.object().put("domain", "held.test").put("verified", true)));
        for (String base : List.of(admin, self)) {
            String token = base.equals(admin) ? adminToken() : token("ann");
            String domain = base.equals(admin) ? "admin-proof.test" : "self-proof.test";
            String domains = base + "/tenants/" + acme + "/domains";
            String value = api.expect(201, post(domains).bearer(token).json(Json.object().put("domain", domain)))
                    .json().path("challenge").path("value").asText();
            api.expect(200, post(domains).bearer(token).json(Json.object().put("domain", domain)));
            api.expect(400, post(domains).bearer(token).json("{\"domain\": \"*.acme.test\"}").malformed());
            api.expect(401, post(domains).json(Json.object().put("domain", domain)));
            api.expect(403, post(domains).bearer(token("max")).json(Json.object().put("domain", domain)));
            api.expect(200, get(domains).bearer(token));
            api.expect(401, get(domains));
            api.expect(403, get(domains).bearer(token("max")));
            api.expect(200, get(domains + "/" + domain).bearer(token));
            api.expect(404, get(domains + "/unknown.test").bearer(token));
            api.expect(400, get(domains + "/not..valid").bearer(token).malformed());
            api.expect(401, get(domains + "/" + domain));
            api.expect(403, get(domains + "/" + domain).bearer(token("max")));
            api.expect(409, post(domains + "/" + domain + "/verify").bearer(token));
            dns.txt("_tenancy-challenge." + domain, value);
            api.expect(200, post(domains + "/" + domain + "/verify").bearer(token));
            api.expect(404, post(domains + "/unknown.test/verify").bearer(token));
            api.expect(400, post(domains + "/not..valid/verify").bearer(token).malformed());
            api.expect(401, post(domains + "/" + domain + "/verify"));
            api.expect(403, post(domains + "/" + domain + "/verify").bearer(token("max")));
            String heldValue = api.expect(base.equals(admin) ? 201 : 200, post(domains).bearer(token)
                    .json(Json.object().put("domain", "held.test"))).json().path("challenge").path("value").asText();
            dns.txt("_tenancy-challenge.held.test", heldValue);
            api.expect(409, post(domains + "/held.test/verify").bearer(token));
            String down = base.equals(admin) ? "admin-down.test" : "self-down.test";
            api.expect(201, post(domains).bearer(token).json(Json.object().put("domain", down)));
            dns.stop();
            try {
                api.expect(503, post(domains + "/" + down + "/verify").bearer(token));
            } finally {
                dns.start();
            }
            api.expect(204, delete(domains + "/" + domain).bearer(token));
            api.expect(404, delete(domains + "/" + domain).bearer(token));
            api.expect(400, delete(domains + "/not..valid").bearer(token).malformed());
            api.expect(401, delete(domains + "/" + down));
            api.expect(403, delete(domains + "/" + down).bearer(token("max")));
        }
        api.expect(404, get(admin + "/tenants/" + UNKNOWN + "/domains").bearer(adminToken()));
        api.expect(404, post(admin + "/tenants/" + UNKNOWN + "/domains").bearer(adminToken())
                .json(Json.object().put("domain", "x.test")));
    }

    @Test
    @Order(14)
    void joinPolicy() {
        for (String base : List.of(admin, self)) {
            String token = base.equals(admin) ? adminToken() : token("ann");
            String join = base + "/tenants/" + acme + "/join";
            api.expect(200, get(join).bearer(token));
            api.expect(401, get(join));
            api.expect(403, get(join).bearer(token("max")));
            api.expect(200, put(join).bearer(token).json("{\"mode\": \"auto\", \"defaultRole\": \"member\"}"));
            api.expect(200, put(join).bearer(token).json("{\"mode\": \"off\"}"));
            api.expect(400, put(join).bearer(token).json("{\"mode\": \"always\"}").malformed());
            api.expect(401, put(join).json("{\"mode\": \"off\"}"));
            api.expect(403, put(join).bearer(token("max")).json("{\"mode\": \"off\"}"));
        }
        api.expect(404, get(admin + "/tenants/" + UNKNOWN + "/join").bearer(adminToken()));
        api.expect(404, put(admin + "/tenants/" + UNKNOWN + "/join").bearer(adminToken()).json("{\"mode\": \"off\"}"));
    }

    @Test
    @Order(15)
    void joinRequests() {
        api.expect(201, post(admin + "/tenants/" + acme + "/domains").bearer(adminToken())
                .json(Json.object().put("domain", "asking.test").put("verified", true)));
        for (String base : List.of(admin, self)) {
            String token = base.equals(admin) ? adminToken() : token("ann");
            String join = base + "/tenants/" + acme + "/join";
            api.expect(200, put(join).bearer(token).json("{\"mode\": \"suggest\", \"defaultRole\": \"member\"}"));
            String prefix = base.equals(admin) ? "admin-" : "self-";
            realm.createUser(prefix + "asks", prefix + "asks@asking.test", true);
            realm.createUser(prefix + "denied", prefix + "denied@asking.test", true);
            SignInForms.signIn(realm, prefix + "asks", prefix + "asks").click("request");
            SignInForms.signIn(realm, prefix + "denied", prefix + "denied").click("request");
            JsonNode pending = api.expect(200, get(join + "/requests").bearer(token)).json();
            api.expect(401, get(join + "/requests"));
            api.expect(403, get(join + "/requests").bearer(token("max")));
            String asks = requestOf(pending, prefix + "asks");
            String denied = requestOf(pending, prefix + "denied");
            api.expect(403, post(join + "/requests/" + asks + "/approve").bearer(token("max")));
            api.expect(401, post(join + "/requests/" + asks + "/approve"));
            api.expect(400, post(join + "/requests/" + asks + "/approve").bearer(token).json("{\"roles\": 1}")
                    .malformed());
            api.expect(200, post(join + "/requests/" + asks + "/approve").bearer(token).json(roles("member")));
            api.expect(404, post(join + "/requests/" + asks + "/approve").bearer(token));
            api.expect(401, post(join + "/requests/" + denied + "/deny"));
            api.expect(403, post(join + "/requests/" + denied + "/deny").bearer(token("max")));
            api.expect(204, post(join + "/requests/" + denied + "/deny").bearer(token));
            api.expect(404, post(join + "/requests/" + denied + "/deny").bearer(token));
        }
        String moved = realm.createUser("moved", "moved@asking.test", true);
        SignInForms.signIn(realm, "moved", "moved").click("request");
        String join = admin + "/tenants/" + acme + "/join";
        String request = requestOf(api.expect(200, get(join + "/requests").bearer(adminToken())).json(), "moved");
        ObjectNode user = (ObjectNode) Http.get(realm.adminUrl() + "/users/" + moved, realm.adminToken()).json();
        TenancyApi.expect(204, Http.put(realm.adminUrl() + "/users/" + moved, realm.adminToken(),
                user.put("email", "moved@elsewhere.test").put("emailVerified", true)), "change the address");
        api.expect(409, post(join + "/requests/" + request + "/approve").bearer(adminToken()));
        api.expect(404, get(admin + "/tenants/" + UNKNOWN + "/join/requests").bearer(adminToken()));
    }

    private static String requestOf(JsonNode pending, String username) {
        for (JsonNode request : pending) {
            if (request.path("username").asText().equals(username)) {
                return request.path("id").asText();
            }
        }
        throw new IllegalStateException("no request of " + username + " in " + pending);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyDocumentedOperationWasCalled() {
        assertThat(api.notCalled()).as("operations in %s that no test called", OpenApiDocument.FILE).isEmpty();
    }

    private static String adminToken() {
        return realm.adminToken();
    }

    /** A user's access token, reused for a minute: the test makes well over a hundred calls. */
    private static String token(String username) {
        Instant now = Instant.now();
        IssuedToken issued = TOKENS.get(username);
        if (issued == null || issued.at().isBefore(now.minusSeconds(60))) {
            issued = new IssuedToken(realm.userToken(username), now);
            TOKENS.put(username, issued);
        }
        return issued.token();
    }

    private record IssuedToken(String token, Instant at) {
    }

    private static ObjectNode roles(String... roles) {
        ObjectNode body = Json.object();
        ArrayNode names = body.putArray("roles");
        for (String role : roles) {
            names.add(role);
        }
        return body;
    }

    private static ObjectNode invitation(String email, String... roles) {
        return roles(roles).put("email", email);
    }

    private static ObjectNode apiKey(String name) {
        ObjectNode body = Json.object().put("name", name);
        body.putArray("scopes").add("billing:read");
        return body;
    }

    private static ObjectNode credential(String name) {
        return Json.object().put("name", name).put("provider", "smtp").put("type", "PASSWORD").put("value", "pw-1");
    }
}
