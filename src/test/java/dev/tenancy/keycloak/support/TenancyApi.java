package dev.tenancy.keycloak.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Shortcuts to the extension's admin API and to Keycloak's for tests that need a few tenants and members. */
public final class TenancyApi {

    private final TestRealm realm;

    public TenancyApi(TestRealm realm) {
        this.realm = realm;
    }

    public String adminApi() {
        return realm.adminUrl() + "/tenancy";
    }

    public String selfService() {
        return realm.url() + "/tenancy";
    }

    /** Creates a tenant through our admin API and returns its id. */
    public String createTenant(String alias) {
        HttpResult created = Http.post(adminApi() + "/tenants", realm.adminToken(),
                Json.object().put("name", alias.toUpperCase(java.util.Locale.ROOT)).put("alias", alias));
        expect(201, created, "create tenant " + alias);
        return created.json().path("id").asText();
    }

    /** Adds the user to the tenant (if needed) with exactly these roles. */
    public void setRoles(String tenantId, String userId, String... roles) {
        ObjectNode body = Json.object();
        body.putArray("roles").addAll(List.of(roles).stream().map(Json.MAPPER::valueToTree)
                .map(com.fasterxml.jackson.databind.JsonNode.class::cast).toList());
        expect(200, Http.put(adminApi() + "/tenants/" + tenantId + "/members/" + userId, realm.adminToken(), body),
                "set roles of " + userId);
    }

    /** Replaces the realm's tenancy configuration. */
    public void configure(String configJson) {
        expect(200, Http.put(adminApi() + "/config", realm.adminToken(), configJson), "configure tenancy");
    }

    /** Adds our claims mapper (both claims, access and ID token) directly to the test client. */
    public void addClaimsMapperToTestClient() {
        ObjectNode mapper = Json.object()
                .put("name", "tenancy claims")
                .put("protocol", "openid-connect")
                .put("protocolMapper", "tenancy-claims-mapper");
        mapper.putObject("config")
                .put("access.token.claim", "true")
                .put("id.token.claim", "true")
                .put("introspection.token.claim", "true")
                .put("tenancy.claim.tenants", "true")
                .put("tenancy.claim.tenant", "true");
        String client = realm.clientUuid(TestRealm.TEST_CLIENT);
        expect(201, Http.post(realm.adminUrl() + "/clients/" + client + "/protocol-mappers/models",
                realm.adminToken(), mapper), "add claims mapper");
    }

    /**
     * An access token made from a new API key of the user for the tenant (the realm's configuration must list
     * {@code tenancy-service} in {@code apiKeyClients}).
     */
    public String keyToken(String username, String tenantId, String... scopes) {
        ObjectNode body = Json.object().put("name", "token source").put("tenantId", tenantId);
        body.putArray("scopes").addAll(List.of(scopes).stream().map(Json.MAPPER::valueToTree)
                .map(com.fasterxml.jackson.databind.JsonNode.class::cast).toList());
        HttpResult key = Http.post(selfService() + "/me/api-keys", realm.userToken(username), body);
        expect(201, key, "API key of " + username);
        HttpResult token = Http.postForm(realm.tokenUrl(), java.util.Map.of("grant_type",
                "urn:tenancy:grant-type:api-key", "api_key", key.json().path("key").asText()),
                TestRealm.SERVICE_CLIENT + ":" + TestRealm.SERVICE_SECRET);
        expect(200, token, "token from the API key of " + username);
        return token.json().path("access_token").asText();
    }

    public static void expect(int status, HttpResult result, String what) {
        if (result.status() != status) {
            throw new AssertionError(what + ": expected " + status + " but was " + result);
        }
    }
}
