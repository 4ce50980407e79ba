package dev.tenancy.keycloak.credential;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What lists, answers and events show of a credential: everything but the value, which is masked. */
record CredentialView(String id, CredentialScope scope, String ownerId, String name, String provider,
        CredentialType type, String maskedValue, String description, String metadata, boolean active,
        int keyVersion, String createdBy, long createdAt, long updatedAt, Long rotatedAt, Long expiresAt,
        Long lastUsedAt) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static CredentialView of(TenancyCredentialEntity c) {
        return new CredentialView(c.id(), c.scope(), c.ownerId(), c.name(), c.provider(), c.type(), c.maskedValue(),
                c.description(), c.metadata(), c.active(), c.kekVersion(), c.createdBy(), c.createdAt(),
                c.updatedAt(), c.rotatedAt(), c.expiresAt(), c.lastUsedAt());
    }

    String status(long now) {
        if (!active) {
            return "inactive";
        }
        return expiresAt != null && expiresAt <= now ? "expired" : "active";
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("scope", scope.name());
        json.put("ownerId", ownerId);
        json.put("name", name);
        json.put("provider", provider);
        json.put("type", type.name());
        json.put("maskedValue", maskedValue);
        json.put("description", description);
        json.put("metadata", metadataJson());
        json.put("active", active);
        json.put("status", status(System.currentTimeMillis()));
        json.put("keyVersion", keyVersion);
        json.put("createdBy", createdBy);
        json.put("createdAt", instant(createdAt));
        json.put("updatedAt", instant(updatedAt));
        json.put("rotatedAt", instant(rotatedAt));
        json.put("expiresAt", instant(expiresAt));
        json.put("lastUsedAt", instant(lastUsedAt));
        return json;
    }

    private Object metadataJson() {
        if (metadata == null) {
            return Map.of();
        }
        try {
            return MAPPER.readTree(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored credential metadata is not JSON: " + id, e);
        }
    }

    private static String instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }
}
