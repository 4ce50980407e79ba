package dev.tenancy.keycloak.apikey;

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

    ApiKeyRepresentation representation() {
        return ApiKeyRepresentation.of(this);
    }
}
