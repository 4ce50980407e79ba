package dev.tenancy.keycloak.credential.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * KEK entries as operators write them — {@code <version>=<base64>} lines of a file, {@code <version>:<base64>}
 * items separated by commas in one option or vault entry — parsed from bytes rather than Strings, so that the
 * source buffer and every base64 slice can be cleared once the key is built (a String cannot be cleared).
 */
final class KeyEntries {

    private KeyEntries() {
    }

    /** Lines {@code <version>=<base64>}; lines starting with {@code #} or {@code !} are comments. Clears {@code text}. */
    static Map<String, byte[]> lines(byte[] text) {
        try {
            return split(text, (byte) '\n', true);
        } finally {
            Arrays.fill(text, (byte) 0);
        }
    }

    /** Items {@code <version>:<base64>} separated by commas. Clears {@code text}. */
    static Map<String, byte[]> inline(byte[] text) {
        try {
            return split(text, (byte) ',', false);
        } finally {
            Arrays.fill(text, (byte) 0);
        }
    }

    /** The bytes of a vault secret, copied out of its buffer (which the vault clears when the secret is closed). */
    static byte[] copy(ByteBuffer secret) {
        byte[] bytes = new byte[secret.remaining()];
        secret.duplicate().get(bytes);
        return bytes;
    }

    /** For option values Keycloak hands over as a String: that String stays, the buffers made from it do not. */
    static Map<String, byte[]> inline(String text) {
        return inline(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static Map<String, byte[]> split(byte[] text, byte separator, boolean file) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        int start = 0;
        while (start <= text.length) {
            int end = indexOf(text, separator, start, text.length);
            entry(text, start, end, file, entries);
            start = end + 1;
        }
        return entries;
    }

    private static void entry(byte[] text, int from, int to, boolean file, Map<String, byte[]> entries) {
        int start = skipBlank(text, from, to);
        int end = trimEnd(text, start, to);
        if (start == end || (file && (text[start] == '#' || text[start] == '!'))) {
            return;
        }
        int split = file ? indexOf(text, (byte) '=', start, end) : indexOf(text, (byte) ':', start, end);
        if (split == end) {
            // Never echo the text: a line holding only the key would put the key into the log.
            throw new IllegalArgumentException(file
                    ? "A KEK entry does not start with a whole-number version; write <version>=<base64 of 32 bytes>"
                    : "KEK entries are written <version>:<base64>, separated by commas");
        }
        String version = new String(text, start, trimEnd(text, start, split) - start, StandardCharsets.US_ASCII);
        int valueStart = skipBlank(text, split + 1, end);
        entries.put(version, Arrays.copyOfRange(text, valueStart, end));
    }

    private static int indexOf(byte[] text, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text[i] == wanted) {
                return i;
            }
        }
        return to;
    }

    private static int skipBlank(byte[] text, int from, int to) {
        int i = from;
        while (i < to && text[i] <= ' ') {
            i++;
        }
        return i;
    }

    private static int trimEnd(byte[] text, int from, int to) {
        int i = to;
        while (i > from && text[i - 1] <= ' ') {
            i--;
        }
        return i;
    }
}
