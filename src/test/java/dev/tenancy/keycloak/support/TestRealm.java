package dev.tenancy.keycloak.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh realm per test class, with organizations enabled, a public client {@code tenancy-test} (password grant)
 * and a confidential client {@code tenancy-service} (secret {@code service-secret}, service account).
 * Use as {@code @RegisterExtension static final TestRealm realm = new TestRealm();} (on the single test server)
 * or {@code new TestRealm(cluster::a)} (on a node of the test cluster); {@link #on} addresses the same realm
 * through another node.
 */
public final class TestRealm implements BeforeAllCallback, AfterAllCallback {

    public static final String TEST_CLIENT = "tenancy-test";
    public static final String SERVICE_CLIENT = "tenancy-service";
    public static final String SERVICE_SECRET = "service-secret";
    public static final String TENANCY_SCOPE = "tenancy";

    private static final String NAME_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<? extends KeycloakNode> nodeSource;
    private KeycloakNode server;
    private String name;
    private boolean created;

    /** A realm on the single test server. */
    public TestRealm() {
        this(KeycloakServer::get);
    }

    /** A realm created through the node {@code nodeSource} gives (asked once, when the realm is created). */
    public TestRealm(Supplier<? extends KeycloakNode> nodeSource) {
        this.nodeSource = nodeSource;
    }

    private TestRealm(TestRealm realm, KeycloakNode node) {
        this.nodeSource = () -> node;
        this.server = node;
        this.name = realm.name;
    }

    /**
     * The same realm, every request sent to {@code node}: another node of the cluster. Deleting it is left to
     * the realm it was made from.
     */
    public TestRealm on(KeycloakNode node) {
        if (name == null) {
            throw new IllegalStateException("the realm is not created yet");
        }
        return new TestRealm(this, node);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        create(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        delete();
    }

    /**
     * Creates the realm {@code t-<label>-<6 random chars>} with its two clients; the extension calls this itself,
     * a test calls it only for an extra realm it manages by hand.
     */
    public void create(String label) {
        server = nodeSource.get();
        name = "t-" + label.toLowerCase(Locale.ROOT) + "-" + randomSuffix();
        expect(201, Http.post(server.baseUrl() + "/admin/realms", adminToken(), realmRepresentation()), "create realm");
        created = true;
        expect(201, Http.post(adminUrl() + "/clients", adminToken(), testClient()), "create " + TEST_CLIENT);
        expect(201, Http.post(adminUrl() + "/clients", adminToken(), serviceClient()), "create " + SERVICE_CLIENT);
        // The extension made the client scope 'tenancy' with the realm; the self-service API needs its audience.
        addDefaultScope(TEST_CLIENT, TENANCY_SCOPE);
        addDefaultScope(SERVICE_CLIENT, TENANCY_SCOPE);
    }

    /** The id of the realm's client scope with this name. */
    public String clientScopeId(String name) {
        for (JsonNode scope : Http.get(adminUrl() + "/client-scopes", adminToken()).json()) {
            if (name.equals(scope.path("name").asText())) {
                return scope.path("id").asText();
            }
        }
        throw new IllegalStateException("realm " + this.name + " has no client scope " + name);
    }

    /** Makes the client scope a default scope of the client. */
    public void addDefaultScope(String clientId, String scopeName) {
        expect(204, Http.put(adminUrl() + "/clients/" + clientUuid(clientId) + "/default-client-scopes/"
                + clientScopeId(scopeName), adminToken(), null), "add " + scopeName + " to " + clientId);
    }

    /** Deletes the realm if it was created and not deleted yet. */
    public void delete() {
        if (created) {
            expect(204, Http.delete(adminUrl(), adminToken()), "delete realm");
            created = false;
        }
    }

    /** The realm's internal id. */
    public String id() {
        HttpResult found = Http.get(adminUrl(), adminToken());
        expect(200, found, "read realm " + name);
        return found.json().path("id").asText();
    }

    public String name() {
        return name;
    }

    /** The single test server the realm lives on; a realm on the test cluster has {@link #node()} instead. */
    public KeycloakServer server() {
        if (server instanceof KeycloakServer single) {
            return single;
        }
        throw new IllegalStateException("realm " + name + " is on the test cluster, not the single test server");
    }

    /** The server or cluster node this realm's requests go to. */
    public KeycloakNode node() {
        return server;
    }

    /** The realm's base URL, {@code <server>/realms/<name>}; also the issuer of its tokens. */
    public String url() {
        return server.baseUrl() + "/realms/" + name;
    }

    /** {@code <server>/admin/realms/<name>}. */
    public String adminUrl() {
        return server.baseUrl() + "/admin/realms/" + name;
    }

    public String tokenUrl() {
        return url() + "/protocol/openid-connect/token";
    }

    /** An access token of the master realm's admin, valid for every realm's admin API. */
    public String adminToken() {
        return AdminToken.get(server);
    }

    /** Creates an enabled user with a verified {@code <username>@example.com}, password = username; returns the id. */
    public String createUser(String username) {
        return createUser(username, username + "@example.com", true);
    }

    /** A user with this address, verified or not; the password is the username. */
    public String createUser(String username, String email, boolean emailVerified) {
        ObjectNode user = Json.object()
                .put("username", username)
                .put("email", email)
                .put("emailVerified", emailVerified)
                .put("enabled", true)
                .put("firstName", username)
                .put("lastName", "Test");
        user.putArray("credentials").addObject()
                .put("type", "password").put("value", username).put("temporary", false);
        HttpResult created = Http.post(adminUrl() + "/users", adminToken(), user);
        expect(201, created, "create user " + username);
        return created.createdId();
    }

    /** Gives the user a role of the realm's {@code realm-management} client, such as {@code view-realm}. */
    public void grantRealmManagementRole(String userId, String role) {
        String client = clientUuid("realm-management");
        HttpResult found = Http.get(adminUrl() + "/clients/" + client + "/roles/" + role, adminToken());
        expect(200, found, "find realm-management role " + role);
        expect(204, Http.post(adminUrl() + "/users/" + userId + "/role-mappings/clients/" + client, adminToken(),
                "[" + found.body() + "]"), "grant " + role);
    }

    public String userToken(String username) {
        return userToken(username, null);
    }

    /** An access token for the user from a password grant on {@code tenancy-test}; {@code scope} may be null. */
    public String userToken(String username, String scope) {
        HttpResult response = tokenResponse(username, scope);
        expect(200, response, "token for " + username);
        return response.json().path("access_token").asText();
    }

    /** The raw token endpoint answer to a password grant on {@code tenancy-test}, for tests that expect an error. */
    public HttpResult tokenResponse(String username, String scope) {
        Map<String, String> form = new LinkedHashMap<>(Map.of(
                "grant_type", "password", "client_id", TEST_CLIENT, "username", username, "password", username));
        if (scope != null) {
            form.put("scope", scope);
        }
        return Http.postForm(tokenUrl(), form, null);
    }

    /** The internal id of the client with this {@code clientId}. */
    public String clientUuid(String clientId) {
        String query = "/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8);
        HttpResult found = Http.get(adminUrl() + query, adminToken());
        expect(200, found, "find client " + clientId);
        JsonNode client = found.json().path(0);
        if (client.isMissingNode()) {
            throw new IllegalArgumentException("no client " + clientId + " in realm " + name);
        }
        return client.path("id").asText();
    }

    /** The payload of a JWT, without checking its signature. */
    public static JsonNode decodeClaims(String accessToken) {
        String[] parts = accessToken.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        return Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private ObjectNode realmRepresentation() {
        return Json.object().put("realm", name).put("enabled", true).put("organizationsEnabled", true);
    }

    private static ObjectNode testClient() {
        ObjectNode client = Json.object()
                .put("clientId", TEST_CLIENT)
                .put("publicClient", true)
                .put("directAccessGrantsEnabled", true)
                .put("standardFlowEnabled", true);
        // Browser tests log in through this client too.
        client.putArray("redirectUris").add("*");
        client.putArray("webOrigins").add("+");
        return client;
    }

    private static ObjectNode serviceClient() {
        return Json.object()
                .put("clientId", SERVICE_CLIENT)
                .put("publicClient", false)
                .put("clientAuthenticatorType", "client-secret")
                .put("secret", SERVICE_SECRET)
                .put("serviceAccountsEnabled", true)
                .put("standardFlowEnabled", false)
                .put("directAccessGrantsEnabled", false);
    }

    private static String randomSuffix() {
        StringBuilder suffix = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            suffix.append(NAME_CHARACTERS.charAt(RANDOM.nextInt(NAME_CHARACTERS.length())));
        }
        return suffix.toString();
    }

    private static void expect(int status, HttpResult response, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + ": expected HTTP " + status + ", got " + response);
        }
    }
}
