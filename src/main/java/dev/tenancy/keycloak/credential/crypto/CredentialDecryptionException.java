package dev.tenancy.keycloak.credential.crypto;

/**
 * A stored secret that cannot be opened: tampered or copied ciphertext, or a KEK version that is missing or
 * retired. The message says which, never anything of the secret.
 */
public final class CredentialDecryptionException extends RuntimeException {

    public CredentialDecryptionException(String message) {
        super(message);
    }

    public CredentialDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
