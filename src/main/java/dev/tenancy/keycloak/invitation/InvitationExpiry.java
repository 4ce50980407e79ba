package dev.tenancy.keycloak.invitation;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.audit.TenancyResourceType;
import dev.tenancy.keycloak.metrics.InvitationTransition;
import dev.tenancy.keycloak.metrics.TenancyMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Records that a pending invitation's time is up: status {@code expired}, its pending key freed, and the admin
 * event {@code ACTION …/invitations/{id}/expire}. The update is conditional, so of everyone who meets the row
 * (the scheduled {@link InvitationExpiryTask}, a create for the same address, the invitee opening the link)
 * exactly one changes it and raises the event. Reads of the API never call this: they show the expiry
 * ({@link InvitationStatus#shown}). A resend or revoke does not either: it fails with 409, and a refused request's
 * writes are rolled back ({@code rest.TenancyExceptionMapper}).
 */
final class InvitationExpiry {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final InvitationStore store;
    private final TenancyAudit audit;

    InvitationExpiry(KeycloakSession session, RealmModel realm, InvitationStore store, TenancyAudit audit) {
        this.session = session;
        this.realm = realm;
        this.store = store;
        this.audit = audit;
    }

    /** Whether the invitation's time was up at {@code now}; if so it is recorded as expired now, if not before. */
    boolean expireIfDue(TenancyInvitationEntity invitation, long now) {
        if (!InvitationStatus.PENDING.label().equals(invitation.status()) || invitation.expiresAt() > now) {
            return false;
        }
        if (store.expire(invitation.id(), now)) {
            Map<String, Object> representation = new LinkedHashMap<>();
            representation.put("id", invitation.id());
            representation.put("email", invitation.email());
            representation.put("status", InvitationStatus.EXPIRED.label());
            audit.tenantChange(TenancyResourceType.TENANCY_INVITATION, OperationType.ACTION, invitation.tenantId(),
                    representation, "tenants", invitation.tenantId(), "invitations", invitation.id(), "expire");
            TenancyMetrics.of(session).invitations(session, InvitationTransition.EXPIRED, realm.getName(), 1);
        }
        return true;
    }
}
