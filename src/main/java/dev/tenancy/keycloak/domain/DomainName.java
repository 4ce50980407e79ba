package dev.tenancy.keycloak.domain;

import dev.tenancy.keycloak.error.TenancyException;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A domain a tenant may prove it controls: a host name of at least two labels, in lower case and in its ASCII
 * (punycode) form, without a trailing dot. Wildcards and IP addresses are refused: a TXT record proves one name.
 */
public record DomainName(String value) {

    /**
     * DNS allows 253 characters; a claim is kept as an organization attribute named
     * {@code tenancy.domain-challenge.<domain>} in Keycloak's 255-character column, which leaves 230.
     */
    static final int MAX_LENGTH = 230;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern NUMERIC = Pattern.compile("[0-9]+");

    /** The domain {@code text} names, or 400 saying what is wrong with it. */
    public static DomainName parse(String text) {
        if (text == null || text.isBlank()) {
            throw TenancyException.invalid("Field 'domain' is required");
        }
        String trimmed = text.strip();
        if (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.contains("*")) {
            throw TenancyException.invalid("Field 'domain' must name one domain, not a wildcard: the DNS proof covers "
                    + "one name");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(trimmed, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid(trimmed);
        }
        if (ascii.isEmpty()) {
            throw invalid(trimmed);
        }
        if (ascii.length() > MAX_LENGTH) {
            throw TenancyException.invalid("Field 'domain' must have at most " + MAX_LENGTH + " characters");
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            throw TenancyException.invalid("Field 'domain' must have at least two labels, such as 'example.com'");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid(trimmed);
            }
        }
        if (NUMERIC.matcher(labels[labels.length - 1]).matches()) {
            throw TenancyException.invalid("Field 'domain' must be a domain name, not an IP address");
        }
        return new DomainName(ascii);
    }

    /** The name of the TXT record that proves control of this domain. */
    public String challengeRecord() {
        return "_tenancy-challenge." + value;
    }

    private static TenancyException invalid(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return TenancyException.invalid("Field 'domain' is not a valid domain name: '" + shown + "'");
    }

    @Override
    public String toString() {
        return value;
    }
}
