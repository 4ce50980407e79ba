package dev.tenancy.keycloak.invitation;

import org.keycloak.models.GroupModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Removes invitations with their realm or tenant, and a deleted group from the invitations that would have
 * added it, in the same transaction.
 */
public final class InvitationDataCleanup implements ProviderEventListener {

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmRemovedEvent removed) {
            new InvitationStore(removed.getKeycloakSession(), removed.getRealm().getId()).deleteRealm();
        } else if (event instanceof OrganizationModel.OrganizationRemovedEvent removed) {
            RealmModel realm = removed.getKeycloakSession().getContext().getRealm();
            new InvitationStore(removed.getKeycloakSession(), realm.getId())
                    .deleteTenant(removed.getOrganization().getId());
        } else if (event instanceof GroupModel.GroupRemovedEvent removed) {
            new InvitationStore(removed.getKeycloakSession(), removed.getRealm().getId())
                    .deleteGroup(removed.getGroup().getId());
        }
    }
}
