package dev.tenancy.keycloak.invitation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.keycloak.models.KeycloakSession;

/** What the invitation pages show of a pending invitation, with getters for the FreeMarker templates. */
public final class InvitationPageBean {

    private final String tenantName;
    private final String inviterName;
    private final String email;
    private final List<String> roles;
    private final String expiresAt;

    private InvitationPageBean(String tenantName, String inviterName, String email, List<String> roles,
            String expiresAt) {
        this.tenantName = tenantName;
        this.inviterName = inviterName;
        this.email = email;
        this.roles = roles;
        this.expiresAt = expiresAt;
    }

    static InvitationPageBean of(KeycloakSession session, InvitationAcceptance.Ticket ticket) {
        String expiry = expiry(ticket.expiresAt(), session.getContext().resolveLocale(null));
        String tenantName = ticket.tenant().getName() == null ? ticket.tenant().getAlias() : ticket.tenant().getName();
        return new InvitationPageBean(tenantName, ticket.inviterName(), ticket.email(), List.copyOf(ticket.roles()),
                expiry);
    }

    /** An expiry as pages and mails show it: a long date and short time in the reader's language, in UTC. */
    static String expiry(long epochMillis, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneOffset.UTC).format(Instant.ofEpochMilli(epochMillis)) + " UTC";
    }

    public String getTenantName() {
        return tenantName;
    }

    public String getInviterName() {
        return inviterName;
    }

    public String getEmail() {
        return email;
    }

    public List<String> getRoles() {
        return roles;
    }

    public String getExpiresAt() {
        return expiresAt;
    }
}
