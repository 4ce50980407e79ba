package dev.tenancy.keycloak.credential.crypto;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One version of the key-encryption key (KEK): an AES-256 key that wraps the data keys of stored
 * credentials. Every stored credential records the version that wrapped its data key.
 */
public record KeyEncryptionKey(int version, SecretKey key) {

    public static final int LENGTH_BYTES = 32;

    public KeyEncryptionKey {
        if (version < 1) {
            throw new IllegalArgumentException("KEK versions start at 1, not " + version);
        }
        if (key.getEncoded() == null || key.getEncoded().length != LENGTH_BYTES) {
            throw new IllegalArgumentException("KEK version " + version + " must be " + LENGTH_BYTES
                    + " bytes (AES-256)");
        }
    }

    public static KeyEncryptionKey of(int version, byte[] material) {
        if (material.length != LENGTH_BYTES) {
            throw new IllegalArgumentException("KEK version " + version + " has " + material.length
                    + " bytes; AES-256 needs " + LENGTH_BYTES);
        }
        return new KeyEncryptionKey(version, new SecretKeySpec(material, "AES"));
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[version=" + version + ", key=redacted]";
    }
}
