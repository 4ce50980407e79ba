package dev.tenancy.keycloak.apikey;

import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Keys go with their realm, tenant or owner; a member who leaves a tenant (through our API or Keycloak's)
 * has their keys for it revoked, in the same transaction.
 */
public final class ApiKeyDataCleanup implements ProviderEventListener {

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmRemovedEvent removed) {
            new ApiKeyStore(removed.getKeycloakSession(), removed.getRealm().getId()).deleteRealm();
        } else if (event instanceof OrganizationModel.OrganizationRemovedEvent removed) {
            RealmModel realm = removed.getKeycloakSession().getContext().getRealm();
            new ApiKeyStore(removed.getKeycloakSession(), realm.getId()).deleteTenant(removed.getOrganization().getId());
        } else if (event instanceof UserModel.UserRemovedEvent removed) {
            new ApiKeyStore(removed.getKeycloakSession(), removed.getRealm().getId()).deleteUser(removed.getUser().getId());
        } else if (event instanceof OrganizationModel.OrganizationMemberLeaveEvent left) {
            RealmModel realm = left.getSession().getContext().getRealm();
            new ApiKeyStore(left.getSession(), realm.getId()).revokeOfMember(left.getOrganization().getId(),
                    left.getUser().getId(), System.currentTimeMillis());
        }
    }
}
