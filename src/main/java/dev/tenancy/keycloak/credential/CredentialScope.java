package dev.tenancy.keycloak.credential;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whose a stored credential is: a user's ({@code ownerId} is the user id), a tenant's (the organization id)
 * or the realm's own ({@code SYSTEM}; the owner is the realm id).
 */
public enum CredentialScope {
    USER,
    TENANT,
    SYSTEM;

    static Optional<CredentialScope> parse(String text) {
        return Arrays.stream(values()).filter(scope -> scope.name().equals(text)).findFirst();
    }
}
