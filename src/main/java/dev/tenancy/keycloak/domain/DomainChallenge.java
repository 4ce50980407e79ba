package dev.tenancy.keycloak.domain;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value a tenant publishes as a TXT record to prove a domain: 160 bits from {@link SecureRandom} in base32
 * (lower case, 32 characters, safe in any DNS console). Not a secret — it proves nothing without the DNS record —
 * but unguessable and issued per tenant and claim, so a record published for one tenant proves nothing for
 * another, and a domain removed and claimed again needs a new record.
 */
record DomainChallenge(String recordName, String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final Pattern FORMAT = Pattern.compile("[a-z2-7]{32}");

    static DomainChallenge issue(DomainName domain) {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return new DomainChallenge(domain.challengeRecord(), base32(bytes));
    }

    /** A challenge read back from storage; a value that is not one of ours is treated as absent. */
    static Optional<DomainChallenge> stored(DomainName domain, String value) {
        if (value == null || !FORMAT.matcher(value.toLowerCase(Locale.ROOT)).matches()) {
            return Optional.empty();
        }
        return Optional.of(new DomainChallenge(domain.challengeRecord(), value.toLowerCase(Locale.ROOT)));
    }

    /** True when {@code text} has the form of a challenge (any challenge, not necessarily this one). */
    static boolean isShaped(String text) {
        return FORMAT.matcher(text).matches();
    }

    /** True when one of the TXT strings found is this challenge (surrounding quotes and blanks ignored). */
    boolean isIn(List<String> txtValues) {
        return txtValues.stream().map(DomainChallenge::unquoted).anyMatch(value::equals);
    }

    static String unquoted(String txt) {
        String text = txt.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text;
    }

    private static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 8 / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return out.toString();
    }
}
