package dev.tenancy.keycloak.invitation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;

/**
 * An invitation as the APIs show it; times are ISO-8601 and those of what has not happened are left out. There
 * is no field for the token: it is not stored. The answer of a create or resend adds the link (with
 * {@code "sendEmail": false}, once), a warning, and whether the mail went out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record InvitationRepresentation(
        String id,
        String tenantId,
        String email,
        String status,
        SortedSet<String> roles,
        List<String> groups,
        String invitedBy,
        String inviterName,
        String createdAt,
        String sentAt,
        String expiresAt,
        String acceptedAt,
        String acceptedBy,
        String declinedAt,
        String revokedAt,
        String revokedBy,
        String clientId,
        String redirectUri,
        String locale,
        // Whether the current link was returned in an answer: an account made from it must verify its email.
        boolean linkShown,
        String invitedVia,
        int resendCount,
        String link,
        String warning,
        Boolean emailSent,
        String emailError) {

    static InvitationRepresentation of(InvitationView view) {
        return new InvitationRepresentation(view.id(), view.tenantId(), view.email(), view.status().label(),
                view.roles(), view.groups(), view.invitedBy(), view.inviterName(), time(view.createdAt()),
                time(view.sentAt()), time(view.expiresAt()), time(view.acceptedAt()), view.acceptedBy(),
                time(view.declinedAt()), time(view.revokedAt()), view.revokedBy(), view.clientId(),
                view.redirectUri(), view.locale(), view.linkShown(), view.invitedVia(), view.resendCount(),
                null, null, null, null);
    }

    /** The answer of a create or resend. */
    static InvitationRepresentation issued(InvitationService.Issued issued) {
        InvitationRepresentation shown = of(issued.invitation());
        InvitationMail.Outcome mail = issued.mail();
        return new InvitationRepresentation(shown.id, shown.tenantId, shown.email, shown.status, shown.roles,
                shown.groups, shown.invitedBy, shown.inviterName, shown.createdAt, shown.sentAt, shown.expiresAt,
                shown.acceptedAt, shown.acceptedBy, shown.declinedAt, shown.revokedAt, shown.revokedBy, shown.clientId,
                shown.redirectUri, shown.locale, shown.linkShown, shown.invitedVia, shown.resendCount, issued.link(),
                issued.warning(), mail == null ? null : mail.sent(), mail == null || mail.sent() ? null : mail.error());
    }

    /** Never the link, should this ever be logged. */
    @Override
    public String toString() {
        return "InvitationRepresentation[" + id + ", " + status + "]";
    }

    static String time(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).toString();
    }
}
