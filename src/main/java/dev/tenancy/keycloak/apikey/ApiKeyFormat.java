package dev.tenancy.keycloak.apikey;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The text of an API key: {@code <prefix>_<34 random base62><6 base62 CRC32 of the random part>}, GitHub
 * style. The random part carries 202 bits from {@link SecureRandom}; the checksum lets anyone (a secret
 * scanner, our own endpoints) reject a mistyped or made-up string without a database lookup.
 */
public final class ApiKeyFormat {

    static final int RANDOM_LENGTH = 34;
    static final int CHECKSUM_LENGTH = 6;
    /** Characters of the random part shown in lists, after the prefix; the other 28 stay secret (166 bits). */
    static final int DISPLAYED_LENGTH = 6;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern SHAPE = Pattern.compile(
            "([a-z][a-z0-9]{1,15})_([0-9A-Za-z]{" + RANDOM_LENGTH + "})([0-9A-Za-z]{" + CHECKSUM_LENGTH + "})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyFormat() {
    }

    /** A new key with this realm's prefix. */
    static String generate(String prefix) {
        StringBuilder random = new StringBuilder(RANDOM_LENGTH);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            random.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return prefix + "_" + random + checksum(random.toString());
    }

    /** The prefix of a well-formed key whose checksum is right; empty for anything else. */
    public static Optional<String> check(String key) {
        if (key == null || key.length() > 60) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(key);
        if (!matcher.matches() || !checksum(matcher.group(2)).equals(matcher.group(3))) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1));
    }

    /** What lists show of a key: the prefix and the first characters, enough to recognise it. */
    static String displayed(String key) {
        int underscore = key.indexOf('_');
        return key.substring(0, underscore + 1 + DISPLAYED_LENGTH);
    }

    static String checksum(String random) {
        CRC32 crc = new CRC32();
        crc.update(random.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] digits = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(digits);
    }
}
