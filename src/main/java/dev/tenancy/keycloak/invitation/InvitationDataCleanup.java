package dev.tenancy.keycloak.invitation;

import dev.tenancy.keycloak.removal.OwnerRemovals;
import org.keycloak.models.KeycloakSession;

/**
 * Removes invitations with their realm or tenant, and a deleted group from the invitations that would have
 * added it, in the same transaction.
 */
public final class InvitationDataCleanup implements OwnerRemovals {

    @Override
    public void realmRemoved(KeycloakSession session, String realmId) {
        new InvitationStore(session, realmId).deleteRealm();
    }

    @Override
    public void tenantRemoved(KeycloakSession session, String realmId, String tenantId) {
        new InvitationStore(session, realmId).deleteTenant(tenantId);
    }

    @Override
    public void groupRemoved(KeycloakSession session, String realmId, String groupId) {
        new InvitationStore(session, realmId).deleteGroup(groupId);
    }
}
