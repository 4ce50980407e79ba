package dev.tenancy.keycloak.credential.crypto;

/**
 * A secret as it is stored: the value encrypted under its own data key, and that data key encrypted
 * (wrapped) under a version of the KEK. Both are AES-256-GCM, base64 of {@code iv || ciphertext+tag}.
 */
public record SealedSecret(String ciphertext, String wrappedKey, int kekVersion) {

    @Override
    public String toString() {
        return "SealedSecret[kekVersion=" + kekVersion + "]";
    }
}
