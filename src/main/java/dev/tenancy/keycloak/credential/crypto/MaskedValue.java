package dev.tenancy.keycloak.credential.crypto;

/**
 * What lists show of a secret: its last four characters behind a fixed mask, so the length is not
 * revealed; secrets shorter than twelve characters show nothing but the mask.
 */
public final class MaskedValue {

    static final String MASK = "••••••••";
    private static final int SHOWN = 4;
    private static final int SHORTEST_SHOWN = 12;

    private MaskedValue() {
    }

    public static String of(String secret) {
        if (secret == null || secret.length() < SHORTEST_SHOWN) {
            return MASK;
        }
        return MASK + secret.substring(secret.length() - SHOWN);
    }
}
