package dev.tenancy.keycloak.credential.crypto;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Versioned KEK material as operators write it — {@code <version>=<base64 of 32 bytes>} lines of a file,
 * or {@code <version>:<base64>} items separated by commas in one option — checked when the server starts,
 * with a message that names the version and never shows key bytes.
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
     * @param entries version → base64 key material
     * @param primary the version that seals new secrets; null for the highest
     * @param minimum versions below it are retired and never used; null for 1
     */
    static KeyMaterial of(Map<String, String> entries, Integer primary, Integer minimum) {
        SortedMap<Integer, KeyEncryptionKey> versions = new TreeMap<>();
        entries.forEach((versionText, encoded) -> {
            int version;
            try {
                version = Integer.parseInt(versionText.strip());
            } catch (NumberFormatException e) {
                // Never echo the text: a line holding only the key would put the key into the log.
                throw new IllegalArgumentException("A KEK entry does not start with a whole-number version;"
                        + " write <version>=<base64 of 32 bytes> in a file, <version>:<base64> in the option");
            }
            byte[] material;
            try {
                material = Base64.getDecoder().decode(encoded.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("KEK version " + version + " is not valid base64");
            }
            versions.put(version, KeyEncryptionKey.of(version, material));
        });
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

    /** Parses {@code 1:base64,2:base64}. */
    static Map<String, String> inline(String text) {
        Map<String, String> entries = new TreeMap<>();
        for (String item : text.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            int colon = item.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("KEK entries are written <version>:<base64>, separated by commas");
            }
            entries.put(item.substring(0, colon).strip(), item.substring(colon + 1).strip());
        }
        return entries;
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
