package dev.tenancy.keycloak.credential;

/**
 * A credential and its value: the string for most types; for {@link CredentialType#OAUTH_TOKEN} a JSON
 * object with {@code accessToken} and, when stored, {@code refreshToken}, {@code expiresAt}, {@code scopes},
 * {@code providerAccountId}, {@code tokenType}. {@link #toString()} never shows the value.
 */
public record RevealedCredential(StoredCredential credential, String value) {

    @Override
    public String toString() {
        return "RevealedCredential[" + credential.id() + ", value=redacted]";
    }
}
