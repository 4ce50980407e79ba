package dev.tenancy.keycloak.config;

/**
 * How much invitation mail one realm allows: per sender and per tenant in a sliding hour, and how often one
 * invitation may be sent again.
 */
public record InvitationLimits(int mailsPerSenderPerHour, int mailsPerTenantPerHour, int maxResends) {

    public static final InvitationLimits DEFAULTS = new InvitationLimits(30, 100, 5);
}
