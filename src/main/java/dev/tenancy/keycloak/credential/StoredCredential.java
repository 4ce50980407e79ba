package dev.tenancy.keycloak.credential;

import java.time.Instant;

/** A stored credential as other extensions see it without revealing it: never the value, only its mask. */
public record StoredCredential(String id, CredentialScope scope, String ownerId, String name, String provider,
        CredentialType type, String maskedValue, boolean active, Instant expiresAt, int keyVersion) {

    static StoredCredential of(TenancyCredentialEntity c) {
        return new StoredCredential(c.id(), c.scope(), c.ownerId(), c.name(), c.provider(), c.type(), c.maskedValue(),
                c.active(), c.expiresAt() == null ? null : Instant.ofEpochMilli(c.expiresAt()), c.kekVersion());
    }
}
