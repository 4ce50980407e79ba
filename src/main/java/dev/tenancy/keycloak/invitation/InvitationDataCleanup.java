package dev.tenancy.keycloak.invitation;

import dev.tenancy.keycloak.metrics.InvitationTransition;
import dev.tenancy.keycloak.metrics.TenancyMetrics;
import dev.tenancy.keycloak.removal.OwnerRemovalsFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Removes invitations with their realm or tenant, and a deleted group from the invitations that would have
 * added it, in the same transaction. A member's pending invitations rest on that member's authority: they
 * become void when the member leaves the tenant or the user is deleted.
 */
public final class InvitationDataCleanup implements OwnerRemovalsFactory {

    @Override
    public String getId() {
        return "invitations";
    }

    @Override
    public void realmRemoved(KeycloakSession session, String realmId) {
        new InvitationStore(session, realmId).deleteRealm();
    }

    @Override
    public void tenantRemoved(KeycloakSession session, String realmId, String tenantId) {
        new InvitationStore(session, realmId).deleteTenant(tenantId);
    }

    @Override
    public void userRemoved(KeycloakSession session, String realmId, String userId) {
        voided(session, realmId, new InvitationStore(session, realmId).voidOfUser(userId, System.currentTimeMillis()));
    }

    @Override
    public void memberLeft(KeycloakSession session, String realmId, String tenantId, String userId) {
        voided(session, realmId, new InvitationStore(session, realmId).voidOfMember(tenantId, userId,
                System.currentTimeMillis()));
    }

    private static void voided(KeycloakSession session, String realmId, int count) {
        TenancyMetrics metrics = TenancyMetrics.of(session);
        if (count > 0 && metrics.enabled()) {
            RealmModel realm = session.realms().getRealm(realmId);
            metrics.invitations(session, InvitationTransition.VOIDED, realm == null ? null : realm.getName(), count);
        }
    }

    @Override
    public void groupRemoved(KeycloakSession session, String realmId, String groupId) {
        new InvitationStore(session, realmId).deleteGroup(groupId);
    }
}
