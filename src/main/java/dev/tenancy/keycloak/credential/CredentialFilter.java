package dev.tenancy.keycloak.credential;

import dev.tenancy.keycloak.error.TenancyException;
import java.util.Optional;

/** The query filters of a credential list; a value that names nothing known is a 400. */
record CredentialFilter(Optional<CredentialScope> scope, Optional<String> ownerId, Optional<String> provider,
        Optional<CredentialType> type) {

    static CredentialFilter of(CredentialOwner owner, String provider, String type) {
        return new CredentialFilter(Optional.of(owner.scope()), Optional.of(owner.id()), provider(provider), type(type));
    }

    static CredentialFilter of(String scope, String ownerId, String provider, String type) {
        Optional<CredentialScope> parsedScope = blank(scope) ? Optional.empty() : Optional.of(CredentialScope.parse(scope)
                .orElseThrow(() -> TenancyException.invalid("Query parameter 'scope' must be USER, TENANT or SYSTEM")));
        if (!blank(ownerId) && ownerId.length() > 255) {
            throw TenancyException.invalid("Query parameter 'ownerId' is longer than 255 characters");
        }
        return new CredentialFilter(parsedScope, blank(ownerId) ? Optional.empty() : Optional.of(ownerId),
                provider(provider), type(type));
    }

    private static Optional<String> provider(String provider) {
        if (blank(provider)) {
            return Optional.empty();
        }
        if (!CredentialInput.PROVIDER.matcher(provider).matches()) {
            throw TenancyException.invalid("Query parameter 'provider' must match " + CredentialInput.PROVIDER.pattern());
        }
        return Optional.of(provider);
    }

    private static Optional<CredentialType> type(String type) {
        if (blank(type)) {
            return Optional.empty();
        }
        return Optional.of(CredentialType.parse(type).orElseThrow(() -> TenancyException.invalid(
                "Query parameter 'type' must be one of " + CredentialType.names())));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
