package dev.tenancy.keycloak.credential;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tenancy.keycloak.json.JsonBodies;
import java.time.Instant;

/**
 * A credential as lists, answers and events show it: everything but the value, which is masked. Times are
 * ISO-8601 and left out when not set; metadata is the stored object, or an empty one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CredentialRepresentation(String id, String scope, String ownerId, String name, String provider, String type,
        String maskedValue, String description, JsonNode metadata, boolean active, String status, int keyVersion,
        String createdBy, String createdAt, String updatedAt, String rotatedAt, String expiresAt, String lastUsedAt) {

    static CredentialRepresentation of(CredentialView view) {
        return new CredentialRepresentation(view.id(), view.scope().name(), view.ownerId(), view.name(),
                view.provider(), view.type().name(), view.maskedValue(), view.description(), metadata(view),
                view.active(), view.status(System.currentTimeMillis()), view.keyVersion(), view.createdBy(),
                instant(view.createdAt()), instant(view.updatedAt()), instant(view.rotatedAt()),
                instant(view.expiresAt()), instant(view.lastUsedAt()));
    }

    private static JsonNode metadata(CredentialView view) {
        if (view.metadata() == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return JsonBodies.parse(view.metadata(), JsonNode.class);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Stored credential metadata is not JSON: " + view.id(), e);
        }
    }

    static String instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }

    /** What {@code reveal} answers: the value (a string, or the token object) and what it belongs to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Revealed(String id, String name, String provider, String type, Object value, String expiresAt) {

        @Override
        public String toString() {
            return "Revealed[" + id + ", value=redacted]";
        }
    }
}
