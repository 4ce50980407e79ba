package dev.tenancy.keycloak.apikey;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What lists and answers show of a key: never the key, only its first characters. */
record ApiKeyView(String id, String name, String prefix, String ownerId, String tenantId, String scopes,
        long createdAt, Long expiresAt, Long lastUsedAt, Long revokedAt, String replacedBy) {

    static ApiKeyView of(TenancyApiKeyEntity key) {
        return new ApiKeyView(key.id(), key.name(), key.keyPrefix(), key.userId(), key.tenantId(), key.scopes(),
                key.createdAt(), key.expiresAt(), key.lastUsedAt(), key.revokedAt(), key.replacedBy());
    }

    String status(long now) {
        if (revokedAt != null) {
            return "revoked";
        }
        if (tenantId == null) {
            return "retired";
        }
        return expiresAt != null && expiresAt <= now ? "expired" : "active";
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("name", name);
        json.put("prefix", prefix);
        json.put("ownerId", ownerId);
        json.put("tenantId", tenantId);
        json.put("scopes", scopes.isEmpty() ? new String[0] : scopes.split(" "));
        json.put("status", status(System.currentTimeMillis()));
        json.put("createdAt", Instant.ofEpochMilli(createdAt).toString());
        json.put("expiresAt", expiresAt == null ? null : Instant.ofEpochMilli(expiresAt).toString());
        json.put("lastUsedAt", lastUsedAt == null ? null : Instant.ofEpochMilli(lastUsedAt).toString());
        json.put("revokedAt", revokedAt == null ? null : Instant.ofEpochMilli(revokedAt).toString());
        if (replacedBy != null) {
            json.put("replacedBy", replacedBy);
        }
        return json;
    }
}
