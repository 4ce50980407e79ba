package dev.tenancy.keycloak.invitation;

import dev.tenancy.keycloak.secret.SecretHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The secret of an invitation link: 256 bits from {@link SecureRandom}, base64url without padding. Only
 * {@link #hash} of it is stored; {@link #value} exists in the link and nowhere else.
 */
final class InvitationToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final String value;

    private InvitationToken(String value) {
        this.value = value;
    }

    static InvitationToken generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new InvitationToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** True when {@code text} can be a token at all; anything else is rejected before a database lookup. */
    static boolean isWellFormed(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    static String hash(String value) {
        return SecretHash.sha256Hex(value);
    }

    /** The key that is unique among pending invitations: one per tenant and (lower-case) email. */
    static String pendingKey(String tenantId, String email) {
        return hash(tenantId + "\n" + email.toLowerCase(Locale.ROOT));
    }

    String value() {
        return value;
    }

    String hash() {
        return hash(value);
    }

    @Override
    public String toString() {
        return "InvitationToken[redacted]";
    }
}
