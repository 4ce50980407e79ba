package dev.tenancy.keycloak.credential;

/** A stored credential without its value; {@link CredentialRepresentation} is how the APIs show it. */
record CredentialView(String id, CredentialScope scope, String ownerId, String name, String provider,
        CredentialType type, String maskedValue, String description, String metadata, boolean active,
        int keyVersion, String createdBy, long createdAt, long updatedAt, Long rotatedAt, Long expiresAt,
        Long lastUsedAt) {

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

    CredentialRepresentation representation() {
        return CredentialRepresentation.of(this);
    }
}
