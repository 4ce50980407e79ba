package dev.tenancy.keycloak.join;

import java.util.Locale;

/**
 * The mailbox behind an address, as far as mail systems agree: lower case, without a {@code +tag} in the local part
 * (Google Workspace, Microsoft 365 and most mail servers deliver {@code ann+x@acme.com} to {@code ann@acme.com}). A
 * person kept out of a tenant does not come back with a tagged address of the same mailbox.
 */
public final class Mailbox {

    private Mailbox() {
    }

    /** {@code null} for no address or one without a local part and a domain. */
    public static String of(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at < 1 || at == email.length() - 1) {
            return null;
        }
        String local = email.substring(0, at);
        int tag = local.indexOf('+');
        if (tag > 0) {
            local = local.substring(0, tag);
        }
        String mailbox = (local + email.substring(at)).toLowerCase(Locale.ROOT);
        return mailbox.length() > 255 ? mailbox.substring(0, 255) : mailbox;
    }
}
