package dev.tenancy.keycloak.apikey;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A key as the APIs show it: never the key, only its first characters; {@code key} is there once, in the
 * answer that issues it. Times are ISO-8601; those not (yet) set are left out, as every null field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiKeyRepresentation(String id, String name, String prefix, String ownerId, String tenantId,
        List<String> scopes, String status, String createdAt, String expiresAt, String lastUsedAt, String revokedAt,
        String replacedBy,
        String key) {

    static ApiKeyRepresentation of(ApiKeyView view) {
        return new ApiKeyRepresentation(view.id(), view.name(), view.prefix(), view.ownerId(), view.tenantId(),
                view.scopes().isEmpty() ? List.of() : List.of(view.scopes().split(" ")),
                view.status(System.currentTimeMillis()), instant(view.createdAt()), instant(view.expiresAt()),
                instant(view.lastUsedAt()), instant(view.revokedAt()), view.replacedBy(), null);
    }

    /** The answer of a create or rotation: the new key's text, this once. */
    static ApiKeyRepresentation issued(ApiKeyView view, String key) {
        ApiKeyRepresentation shown = of(view);
        return new ApiKeyRepresentation(shown.id, shown.name, shown.prefix, shown.ownerId, shown.tenantId, shown.scopes,
                shown.status, shown.createdAt, shown.expiresAt, shown.lastUsedAt, shown.revokedAt, shown.replacedBy, key);
    }

    /** Never the key text, should this ever be logged. */
    @Override
    public String toString() {
        return "ApiKeyRepresentation[" + id + ", " + prefix + "]";
    }

    private static String instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }
}
