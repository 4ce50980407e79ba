package dev.tenancy.keycloak.tenant;

import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Removes tenancy rows together with the realm, organization, user or membership they belong to, in the
 * same transaction. The foreign keys cascade too, but deleting through JPA keeps Hibernate's session honest.
 */
public final class TenantDataCleanup implements ProviderEventListener {

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmRemovedEvent removed) {
            new TenantStore(removed.getKeycloakSession(), removed.getRealm().getId()).deleteRealm();
        } else if (event instanceof OrganizationModel.OrganizationRemovedEvent removed) {
            RealmModel realm = removed.getKeycloakSession().getContext().getRealm();
            new TenantStore(removed.getKeycloakSession(), realm.getId()).deleteTenant(removed.getOrganization().getId());
        } else if (event instanceof UserModel.UserRemovedEvent removed) {
            new TenantStore(removed.getKeycloakSession(), removed.getRealm().getId()).deleteUser(removed.getUser().getId());
        } else if (event instanceof OrganizationModel.OrganizationMemberLeaveEvent left) {
            RealmModel realm = left.getSession().getContext().getRealm();
            new TenantStore(left.getSession(), realm.getId())
                    .deleteRolesOfMember(left.getOrganization().getId(), left.getUser().getId());
        }
    }
}
