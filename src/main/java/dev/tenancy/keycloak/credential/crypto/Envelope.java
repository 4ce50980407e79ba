package dev.tenancy.keycloak.credential.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption with the JDK's AES-256-GCM, nothing hand-written: each secret gets a fresh random data
 * key; the value is encrypted under it, and the data key is encrypted (wrapped) under the primary KEK. Both
 * carry the {@link CredentialBinding} as additional authenticated data. Rotating the KEK only re-wraps data
 * keys ({@link #rewrap}); values are never decrypted into anything persistent. Moving a row to a newer
 * {@link CredentialBinding} version ({@link #rebind}) needs the value decrypted, briefly and in memory.
 */
public final class Envelope {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int DATA_KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Envelope() {
    }

    public static SealedSecret seal(byte[] plaintext, CredentialBinding binding, KeyEncryptionKey kek) {
        byte[] dataKey = new byte[DATA_KEY_BYTES];
        RANDOM.nextBytes(dataKey);
        try {
            byte[] aad = binding.bytes();
            String ciphertext = encrypt(new SecretKeySpec(dataKey, "AES"), aad, plaintext);
            String wrapped = encrypt(kek.key(), aad, dataKey);
            return new SealedSecret(ciphertext, wrapped, kek.version());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    public static byte[] open(SealedSecret sealed, CredentialBinding binding, KeyEncryptionKeys keks) {
        byte[] aad = binding.bytes();
        byte[] dataKey = unwrap(sealed, aad, keks);
        try {
            return decrypt(new SecretKeySpec(dataKey, "AES"), aad, sealed.ciphertext(), "value");
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** The same secret with its data key wrapped under {@code target}; the ciphertext stays as it is. */
    public static SealedSecret rewrap(SealedSecret sealed, CredentialBinding binding, KeyEncryptionKeys keks,
            KeyEncryptionKey target) {
        byte[] aad = binding.bytes();
        byte[] dataKey = unwrap(sealed, aad, keks);
        try {
            return new SealedSecret(sealed.ciphertext(), encrypt(target.key(), aad, dataKey), target.version());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * The same value sealed anew under {@code to} (and {@code target}): the way from an older binding version to
     * the current one. Unlike {@link #rewrap} the value is decrypted, in memory only, and cleared at once.
     */
    public static SealedSecret rebind(SealedSecret sealed, CredentialBinding from, CredentialBinding to,
            KeyEncryptionKeys keks, KeyEncryptionKey target) {
        byte[] plaintext = open(sealed, from, keks);
        try {
            return seal(plaintext, to, target);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static byte[] unwrap(SealedSecret sealed, byte[] aad, KeyEncryptionKeys keks) {
        KeyEncryptionKey kek = keks.version(sealed.kekVersion()).orElseThrow(() -> new CredentialDecryptionException(
                "KEK version " + sealed.kekVersion() + " is not configured on this node or is retired;"
                        + " configure it again or restore the credential from a rewrapped copy"));
        return decrypt(kek.key(), aad, sealed.wrappedKey(), "data key (KEK version " + kek.version() + ")");
    }

    private static String encrypt(SecretKey key, byte[] aad, byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] aad, String encoded, String what) {
        byte[] in;
        try {
            in = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new CredentialDecryptionException("The stored " + what + " is not base64: the row was altered");
        }
        if (in.length < IV_BYTES + TAG_BITS / 8) {
            throw new CredentialDecryptionException("The stored " + what + " is too short: the row was altered");
        }
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new CredentialDecryptionException("The stored " + what + " does not authenticate: it was altered,"
                    + " copied from another realm, scope, owner or credential, or sealed under another key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
        }
    }
}
