package dev.tenancy.keycloak.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one-way form in which invitation tokens and API keys are stored and looked up: SHA-256, hex. The
 * secrets carry 200+ random bits, so an unsalted fast hash is the right tool (as for GitHub's tokens):
 * there is nothing to guess, and the lookup stays one indexed query.
 */
public final class SecretHash {

    private SecretHash() {
    }

    public static String sha256Hex(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
