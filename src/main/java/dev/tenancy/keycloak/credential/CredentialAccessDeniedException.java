package dev.tenancy.keycloak.credential;

/** A reader asked {@link TenancyCredentialStore} for a credential the access rules do not let them read. */
public final class CredentialAccessDeniedException extends RuntimeException {

    public CredentialAccessDeniedException(String message) {
        super(message);
    }
}
