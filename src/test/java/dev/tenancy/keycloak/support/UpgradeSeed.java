package dev.tenancy.keycloak.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Data of every kind, made through the API of the released jar ({@code -Dtenancy.test.upgradeFrom}, set by the
 * pom to the fixture {@code src/test/fixtures/keycloak-tenancy-0.1.0.jar}) on the fresh database, before the
 * harness starts this build on it. {@code UpgradeIT} checks that the upgraded server still holds and serves it.
 *
 * <p>Speaks only the API of the released version: when a later version changes a call used here, this class
 * keeps the old form.
 */
public final class UpgradeSeed {

    static final String PROPERTY = "tenancy.test.upgradeFrom";

    /** Tables with a {@code REALM_ID}; the invitation's role and group rows are read through their invitation. */
    private static final List<String> REALM_TABLES = List.of("TENANCY_MEMBER_ROLE", "TENANCY_MODULE_OVERRIDE",
            "TENANCY_INVITATION", "TENANCY_API_KEY", "TENANCY_CREDENTIAL");
    private static final List<String> INVITATION_TABLES = List.of("TENANCY_INVITATION_ROLE", "TENANCY_INVITATION_GROUP");

    static final String CONFIG = """
            {"roles": {"admin": {"permissions": ["manage-members", "manage-tenant", "view-members",
                                                 "manage-api-keys", "manage-credentials"]},
                       "operator": {"permissions": ["view-members"]}, "member": {}},
             "modules": {"billing": {"admin": "admin", "operator": "write", "member": "read"},
                         "reports": {"admin": "read"}},
             "apiKeyClients": ["tenancy-service"],
             "apiKeyIntrospectionClients": ["tenancy-service"]}
            """;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile Seeded seeded;

    /** A credential made by the old jar: where to reveal it (as whom) and the value it must reveal. */
    public record SeededCredential(String scope, String revealUrl, String revealer, String value) {
    }

    /**
     * What the seed made and what the old server answered about it. {@code adminViews} and {@code aliceViews} are
     * GET answers by URL (as the master admin and as the tenant admin {@code alice}); {@code rows} the tenancy rows
     * of the realm by table; {@code changeSets} the history table of our changelog, id → execution time and checksum.
     */
    public record Seeded(TestRealm realm, String tenantId, String activeApiKey, String revokedApiKey,
            String pendingInvitationLink, List<SeededCredential> credentials, Map<String, JsonNode> adminViews,
            Map<String, JsonNode> aliceViews, Set<String> adminEvents, Map<String, List<Map<String, String>>> rows,
            Map<String, String> changeSets) {
    }

    private UpgradeSeed() {
    }

    /** The released jar to seed with, when this run is an upgrade run. */
    static Optional<Path> releasedJar() {
        String value = System.getProperty(PROPERTY, "").strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Path jar = Paths.get(value);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(PROPERTY + " names " + jar + ", which is not a file");
        }
        return Optional.of(jar);
    }

    /** The seeded data, once the harness started; empty when this run started on an empty database. */
    public static Optional<Seeded> seeded() {
        KeycloakServer.get();
        return Optional.ofNullable(seeded);
    }

    static void seed(KeycloakServer server, Path jar) {
        Instant started = Instant.now();
        MailServer mail = new MailServer();
        try {
            // MailServer does not read the JUnit context.
            mail.beforeAll(null);
            seeded = seedWith(server, mail);
        } catch (java.io.IOException | SQLException e) {
            throw new IllegalStateException("seeding through " + jar.getFileName() + " failed", e);
        } finally {
            mail.afterAll(null);
        }
        System.err.printf("Seeded data through %s in %d ms%n", jar.getFileName(),
                Duration.between(started, Instant.now()).toMillis());
    }

    private static Seeded seedWith(KeycloakServer server, MailServer mail) throws SQLException {
        TestRealm realm = new TestRealm();
        realm.create("upgrade");
        TenancyApi tenancy = new TenancyApi(realm);
        TenancyApi.expect(204, Http.put(realm.adminUrl(), realm.adminToken(), Json.object()
                .put("eventsEnabled", true).put("adminEventsEnabled", true).put("adminEventsDetailsEnabled", true)),
                "enable events");
        mail.configure(realm);
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/groups", realm.adminToken(),
                Json.object().put("name", "support")), "create group");
        tenancy.configure(CONFIG);
        tenancy.addClaimsMapperToTestClient();

        String tenant = tenancy.createTenant("acme");
        TenancyApi.expect(200, Http.put(tenancy.adminApi() + "/tenants/" + tenant + "/modules", realm.adminToken(),
                "{\"billing\": {\"operator\": \"admin\"}, \"reports\": {\"member\": \"read\"}}"), "override modules");
        String alice = realm.createUser("alice");
        String bob = realm.createUser("bob");
        tenancy.setRoles(tenant, alice, "admin");
        tenancy.setRoles(tenant, bob, "operator", "member");

        String invitations = tenancy.adminApi() + "/tenants/" + tenant + "/invitations";
        String pendingLink = mailedInvitation(realm, mail, invitations, "carol@example.com", "member");
        String acceptedLink = mailedInvitation(realm, mail, invitations, "dave@example.com", "operator");
        TenancyApi.expect(303, Http.postForm(realm.url() + "/tenancy/invitation", Map.of(
                "token", acceptedLink.substring(acceptedLink.indexOf("token=") + "token=".length()),
                "action", "register", "username", "dave", "firstName", "Dave", "lastName", "Test",
                "password", "Secret-123", "password-confirm", "Secret-123"), null), "accept dave's invitation");
        HttpResult revoked = Http.post(invitations, realm.adminToken(), Json.object()
                .put("email", "erin@example.com").put("sendEmail", false).set("roles", Json.array().add("member")));
        TenancyApi.expect(201, revoked, "invite erin");
        TenancyApi.expect(200, Http.post(invitations + "/" + revoked.json().path("id").asText() + "/revoke",
                realm.adminToken(), null), "revoke erin's invitation");

        String activeKey = apiKey(realm, tenancy, "alice", tenant, "billing:write").path("key").asText();
        JsonNode bobsKey = apiKey(realm, tenancy, "bob", tenant, "billing:read");
        TenancyApi.expect(200, Http.post(tenancy.selfService() + "/me/api-keys/" + bobsKey.path("id").asText()
                + "/revoke", realm.userToken("bob"), null), "revoke bob's key");

        List<SeededCredential> credentials = new ArrayList<>();
        String mine = tenancy.selfService() + "/me/credentials";
        credentials.add(credential("USER", mine, "alice", realm.userToken("alice"),
                Json.object().put("name", "personal").put("provider", "github").put("type", "ACCESS_TOKEN")));
        String tenantCredentials = tenancy.adminApi() + "/tenants/" + tenant + "/credentials";
        credentials.add(credential("TENANT", tenantCredentials, null, realm.adminToken(),
                Json.object().put("name", "billing").put("provider", "stripe.com").put("type", "API_KEY")));
        credentials.add(credential("SYSTEM", tenancy.adminApi() + "/credentials", null, realm.adminToken(),
                Json.object().put("scope", "SYSTEM").put("name", "relay").put("provider", "smtp")
                        .put("type", "PASSWORD")));

        Map<String, JsonNode> adminViews = views(realm.adminToken(), List.of(
                tenancy.adminApi() + "/config",
                tenancy.adminApi() + "/tenants/" + tenant,
                tenancy.adminApi() + "/tenants/" + tenant + "/members",
                tenancy.adminApi() + "/tenants/" + tenant + "/modules",
                invitations,
                tenancy.adminApi() + "/tenants/" + tenant + "/api-keys",
                tenancy.adminApi() + "/credentials"));
        Map<String, JsonNode> aliceViews = views(realm.userToken("alice"), List.of(
                tenancy.selfService() + "/me/tenants",
                tenancy.selfService() + "/me/api-keys",
                mine));
        String realmId = realm.id();
        return new Seeded(realm, tenant, activeKey, bobsKey.path("key").asText(), pendingLink, List.copyOf(credentials),
                adminViews, aliceViews, adminEvents(realm), rows(server, realmId), changeSets(server));
    }

    private static String mailedInvitation(TestRealm realm, MailServer mail, String invitations, String email,
            String role) {
        int before = mail.received();
        com.fasterxml.jackson.databind.node.ObjectNode body = Json.object().put("email", email).put("sendEmail", true);
        body.putArray("roles").add(role);
        body.putArray("groups").add("/support");
        TenancyApi.expect(201, Http.post(invitations, realm.adminToken(), body), "invite " + email);
        return mail.lastTo(email, before + 1).invitationLink();
    }

    private static JsonNode apiKey(TestRealm realm, TenancyApi tenancy, String user, String tenant, String scope) {
        HttpResult created = Http.post(tenancy.selfService() + "/me/api-keys", realm.userToken(user), Json.object()
                .put("name", user + "'s key").put("tenantId", tenant).set("scopes", Json.array().add(scope)));
        TenancyApi.expect(201, created, "API key of " + user);
        return created.json();
    }

    private static SeededCredential credential(String scope, String url, String revealer, String token,
            com.fasterxml.jackson.databind.node.ObjectNode body) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String value = "upgrade-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        HttpResult created = Http.post(url, token, body.put("value", value));
        TenancyApi.expect(201, created, "create the " + scope + " credential");
        return new SeededCredential(scope, url + "/" + created.json().path("id").asText() + "/reveal", revealer, value);
    }

    private static Map<String, JsonNode> views(String token, List<String> urls) {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (String url : urls) {
            HttpResult answer = Http.get(url, token);
            TenancyApi.expect(200, answer, "GET " + url);
            views.put(url, answer.json());
        }
        return views;
    }

    /** The realm's admin events, each as its JSON text (Keycloak orders events of the same millisecond freely). */
    public static Set<String> adminEvents(TestRealm realm) {
        HttpResult events = Http.get(realm.adminUrl() + "/admin-events?max=1000", realm.adminToken());
        TenancyApi.expect(200, events, "admin events");
        Set<String> texts = new LinkedHashSet<>();
        events.json().forEach(event -> texts.add(event.toString()));
        return texts;
    }

    /** Every tenancy row of the realm, by table; a row is column (upper case) → value as text, rows sorted. */
    public static Map<String, List<Map<String, String>>> rows(KeycloakServer server, String realmId)
            throws SQLException {
        Map<String, List<Map<String, String>>> rows = new TreeMap<>();
        try (Connection connection = server.database().openJdbc()) {
            for (String table : REALM_TABLES) {
                rows.put(table, query(connection, "select * from " + table + " where REALM_ID = ?", realmId));
            }
            for (String table : INVITATION_TABLES) {
                rows.put(table, query(connection, "select * from " + table
                        + " where INVITATION_ID in (select ID from TENANCY_INVITATION where REALM_ID = ?)", realmId));
            }
        }
        return rows;
    }

    private static List<Map<String, String>> query(Connection connection, String sql, String realmId)
            throws SQLException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, realmId);
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Map<String, String> row = new TreeMap<>();
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        row.put(meta.getColumnLabel(column).toUpperCase(Locale.ROOT), result.getString(column));
                    }
                    rows.add(row);
                }
            }
        }
        rows.sort(Comparator.comparing(Map::toString));
        return rows;
    }

    /** Our changelog's history ({@code DATABASECHANGELOG_TENANCY_EN}): id → "executed at|checksum", in order. */
    public static Map<String, String> changeSets(KeycloakServer server) throws SQLException {
        Map<String, String> applied = new LinkedHashMap<>();
        try (Connection connection = server.database().openJdbc();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select ID, DATEEXECUTED, MD5SUM from DATABASECHANGELOG_TENANCY_EN order by ORDEREXECUTED")) {
            while (rows.next()) {
                String previous = applied.put(rows.getString(1), rows.getString(2) + "|" + rows.getString(3));
                if (previous != null) {
                    throw new AssertionError("change set " + rows.getString(1) + " is recorded twice");
                }
            }
        }
        return applied;
    }
}
