package dev.tenancy.keycloak.credential.crypto;

/** No KEK can be used here: none is configured, or the version asked for is not on this node. */
public final class KeyEncryptionKeyUnavailableException extends IllegalStateException {

    public KeyEncryptionKeyUnavailableException(String message) {
        super(message);
    }
}
