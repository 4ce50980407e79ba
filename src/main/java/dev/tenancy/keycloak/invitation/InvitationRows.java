package dev.tenancy.keycloak.invitation;

import java.util.Locale;
import java.util.Set;
import org.keycloak.utils.EmailValidationUtil;

/**
 * What a stored invitation row may hold, for code that writes rows without this package's services (the tenancy
 * import): the statuses, the authority an invitation was made under, and the pending key derived from the row.
 */
public final class InvitationRows {

    private static final Set<String> AUTHORITIES = Set.of(InvitationAuthority.VIA_ADMIN, InvitationAuthority.VIA_MEMBER);

    private InvitationRows() {
    }

    public static boolean isStatus(String stored) {
        return InvitationStatus.parse(stored).isPresent();
    }

    /** {@code null} (an invitation made before the column) or one of the two authorities. */
    public static boolean isAuthority(String invitedVia) {
        return invitedVia == null || AUTHORITIES.contains(invitedVia);
    }

    /** An address as the API stores it: valid, in lower case. */
    public static boolean isEmail(String email) {
        return email != null && email.equals(email.toLowerCase(Locale.ROOT)) && EmailValidationUtil.isValidEmail(email);
    }

    /**
     * A pending invitation lives at most as long as the API lets one be made for, counted from its last mail;
     * {@code sentAt} is a time of the past (checked by the caller), so the sum cannot overflow.
     */
    public static boolean isLifespan(String status, long sentAt, long expiresAt) {
        return !InvitationStatus.PENDING.label().equals(status)
                || expiresAt <= sentAt + InvitationInput.MAX_LIFESPAN_SECONDS * 1000;
    }

    /** The unique pending key a row with this status must hold: derived for a pending one, none otherwise. */
    public static String pendingKey(String status, String tenantId, String email) {
        return InvitationStatus.PENDING.label().equals(status) ? InvitationToken.pendingKey(tenantId, email) : null;
    }
}
