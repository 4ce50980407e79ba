package dev.tenancy.keycloak.credential.crypto;

import java.util.Arrays;
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
        // getEncoded() answers a fresh copy of the key each time: clear it after the check.
        byte[] encoded = key.getEncoded();
        try {
            if (encoded == null || encoded.length != LENGTH_BYTES) {
                throw new IllegalArgumentException("KEK version " + version + " must be " + LENGTH_BYTES
                        + " bytes (AES-256)");
            }
        } finally {
            if (encoded != null) {
                Arrays.fill(encoded, (byte) 0);
            }
        }
    }

    /**
     * The key made from {@code material}, which is then cleared: {@link SecretKeySpec} keeps its own copy, and
     * the caller's buffer would otherwise hold the key until the garbage collector reuses the memory.
     */
    public static KeyEncryptionKey of(int version, byte[] material) {
        try {
            if (material.length != LENGTH_BYTES) {
                throw new IllegalArgumentException("KEK version " + version + " has " + material.length
                        + " bytes; AES-256 needs " + LENGTH_BYTES);
            }
            return new KeyEncryptionKey(version, new SecretKeySpec(material, "AES"));
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[version=" + version + ", key=redacted]";
    }
}
