package dev.tenancy.keycloak.removal;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Turns Keycloak's removal events into one feature's {@link OwnerRemovals} calls, so that the feature only
 * says which rows go. Organization events carry no realm: it is the session's context realm.
 */
public final class OwnerRemovalEvents implements ProviderEventListener {

    private final OwnerRemovals feature;

    OwnerRemovalEvents(OwnerRemovals feature) {
        this.feature = feature;
    }

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmRemovedEvent removed) {
            String realmId = removed.getRealm().getId();
            feature.realmRemoved(removed.getKeycloakSession(), realmId);
        } else if (event instanceof OrganizationModel.OrganizationRemovedEvent removed) {
            KeycloakSession session = removed.getKeycloakSession();
            String realmId = session.getContext().getRealm().getId();
            String tenantId = removed.getOrganization().getId();
            feature.tenantRemoved(session, realmId, tenantId);
        } else if (event instanceof UserModel.UserRemovedEvent removed) {
            String realmId = removed.getRealm().getId();
            String userId = removed.getUser().getId();
            feature.userRemoved(removed.getKeycloakSession(), realmId, userId);
        } else if (event instanceof OrganizationModel.OrganizationMemberLeaveEvent left) {
            KeycloakSession session = left.getSession();
            String realmId = session.getContext().getRealm().getId();
            String tenantId = left.getOrganization().getId();
            String userId = left.getUser().getId();
            feature.memberLeft(session, realmId, tenantId, userId);
        } else if (event instanceof GroupModel.GroupRemovedEvent removed) {
            String realmId = removed.getRealm().getId();
            String groupId = removed.getGroup().getId();
            feature.groupRemoved(removed.getKeycloakSession(), realmId, groupId);
        }
    }
}
