package dev.tenancy.keycloak.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The master realm admin's access token (admin-cli password grant), cached per server until shortly before it
 * expires.
 */
final class AdminToken {

    private static final long EXPIRY_MARGIN_SECONDS = 15;
    private static final Map<String, AdminToken> BY_SERVER = new HashMap<>();

    private String token;
    private Instant renewAt = Instant.MIN;
    private int serverGeneration = -1;

    private AdminToken() {
    }

    static synchronized String get(KeycloakNode server) {
        return BY_SERVER.computeIfAbsent(server.baseUrl(), url -> new AdminToken()).of(server);
    }

    private String of(KeycloakNode server) {
        // A restart may drop the admin's session, so a token from before it is not reused.
        if (token == null || Instant.now().isAfter(renewAt) || serverGeneration != server.generation()) {
            HttpResult response = Http.postForm(server.baseUrl() + "/realms/master/protocol/openid-connect/token",
                    Map.of("grant_type", "password", "client_id", "admin-cli",
                            "username", "admin", "password", "admin"),
                    null);
            if (response.status() != 200) {
                throw new IllegalStateException("master admin token refused: " + response);
            }
            JsonNode body = response.json();
            token = body.path("access_token").asText();
            renewAt = Instant.now().plusSeconds(body.path("expires_in").asLong() - EXPIRY_MARGIN_SECONDS);
            serverGeneration = server.generation();
        }
        return token;
    }
}
