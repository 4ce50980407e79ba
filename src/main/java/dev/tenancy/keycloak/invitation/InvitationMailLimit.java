package dev.tenancy.keycloak.invitation;

import dev.tenancy.keycloak.config.InvitationLimits;
import dev.tenancy.keycloak.error.TenancyException;

/**
 * The realm's invitation mail limits: mails per sender and per tenant in a sliding hour, resends per
 * invitation. Counted from the invitation rows (who mailed each last, and when), not in memory, so the
 * limits hold across a cluster and restarts. A resend moves its invitation's mail time, so the resends of
 * one invitation count once in the hour; {@code maxResends} bounds what that leaves out.
 */
final class InvitationMailLimit {

    static final long WINDOW_MILLIS = 3600_000L;

    private final InvitationStore store;
    private final InvitationLimits limits;

    InvitationMailLimit(InvitationStore store, InvitationLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    /**
     * Throws 429 when one more mail would pass a limit. {@code sender} is null for realm admins on the admin
     * API: they are not limited per sender, but their mails count toward, and are held to, the tenant's.
     */
    void requireMaySend(String tenantId, String sender, long now) {
        long since = now - WINDOW_MILLIS;
        if (sender != null) {
            InvitationStore.MailCount mine = store.mailsOfSender(sender, since);
            if (mine.count() >= limits.mailsPerSenderPerHour()) {
                throw tooMany("You sent " + mine.count() + " invitation mails in the last hour, the most this realm"
                        + " allows per sender", mine, now);
            }
        }
        InvitationStore.MailCount tenant = store.mailsOfTenant(tenantId, since);
        if (tenant.count() >= limits.mailsPerTenantPerHour()) {
            throw tooMany("This tenant sent " + tenant.count() + " invitation mails in the last hour, the most this"
                    + " realm allows per tenant", tenant, now);
        }
    }

    /** 409: a resend beyond the cap is not a matter of waiting; the invitation has to be made again. */
    void requireMayResend(TenancyInvitationEntity invitation) {
        if (invitation.resendCount() >= limits.maxResends()) {
            throw TenancyException.conflict("This invitation was resent " + invitation.resendCount() + " of "
                    + limits.maxResends() + " allowed times; revoke it and create a new one");
        }
    }

    private static TenancyException tooMany(String message, InvitationStore.MailCount count, long now) {
        long retryAfterSeconds = (count.oldest() + WINDOW_MILLIS - now) / 1000 + 1;
        return TenancyException.rateLimited(message + "; try again in " + retryAfterSeconds + " seconds",
                retryAfterSeconds);
    }
}
