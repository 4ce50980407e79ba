package dev.tenancy.keycloak.credential.crypto;

import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Versioned KEK material as operators write it (parsed by {@link KeyEntries}) — checked when the server
 * starts, with a message that names the version and never shows key bytes. Every buffer of key material is
 * cleared once the key is built, so that no copy outlives the {@link KeyEncryptionKey} that holds it.
 */
final class KeyMaterial implements KeyEncryptionKeys {

    private final SortedMap<Integer, KeyEncryptionKey> versions;
    private final int primary;
    private final int minimum;

    private KeyMaterial(SortedMap<Integer, KeyEncryptionKey> versions, int primary, int minimum) {
        this.versions = versions;
        this.primary = primary;
        this.minimum = minimum;
    }

    /**
     * @param entries version → base64 key material; every buffer is cleared, whether it was valid or not
     * @param primary the version that seals new secrets; null for the highest
     * @param minimum versions below it are retired and never used; null for 1
     */
    static KeyMaterial of(Map<String, byte[]> entries, Integer primary, Integer minimum) {
        SortedMap<Integer, KeyEncryptionKey> versions = new TreeMap<>();
        try {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                int version = version(entry.getKey());
                versions.put(version, KeyEncryptionKey.of(version, decode(version, entry.getValue())));
            }
        } finally {
            entries.values().forEach(base64 -> Arrays.fill(base64, (byte) 0));
        }
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("No KEK versions are configured");
        }
        int lowest = minimum == null ? 1 : minimum;
        int chosen = primary == null ? versions.lastKey() : primary;
        if (!versions.containsKey(chosen)) {
            throw new IllegalArgumentException("The primary KEK version " + chosen + " is not configured");
        }
        if (chosen < lowest) {
            throw new IllegalArgumentException("The primary KEK version " + chosen
                    + " is below the minimum decryption version " + lowest);
        }
        return new KeyMaterial(versions, chosen, lowest);
    }

    private static int version(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            // Never echo the text: a line holding only the key would put the key into the log.
            throw new IllegalArgumentException("A KEK entry does not start with a whole-number version;"
                    + " write <version>=<base64 of 32 bytes> in a file, <version>:<base64> in the option");
        }
    }

    /** The key bytes of {@code base64}, which is cleared; the caller owns (and clears) the answer. */
    static byte[] decode(int version, byte[] base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("KEK version " + version + " is not valid base64");
        } finally {
            Arrays.fill(base64, (byte) 0);
        }
    }

    @Override
    public KeyEncryptionKey primary() {
        return versions.get(primary);
    }

    @Override
    public Optional<KeyEncryptionKey> version(int version) {
        return version < minimum ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    @Override
    public SortedSet<Integer> versions() {
        return new TreeSet<>(versions.tailMap(minimum).keySet());
    }

    int minimum() {
        return minimum;
    }
}
