package dev.tenancy.keycloak.credential;

import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/** Credentials go with their owner: the realm, the tenant or the user, in the same transaction. */
public final class CredentialDataCleanup implements ProviderEventListener {

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmRemovedEvent removed) {
            new CredentialStore(removed.getKeycloakSession(), removed.getRealm().getId()).deleteRealm();
        } else if (event instanceof OrganizationModel.OrganizationRemovedEvent removed) {
            RealmModel realm = removed.getKeycloakSession().getContext().getRealm();
            new CredentialStore(removed.getKeycloakSession(), realm.getId())
                    .deleteOwner(CredentialScope.TENANT, removed.getOrganization().getId());
        } else if (event instanceof UserModel.UserRemovedEvent removed) {
            new CredentialStore(removed.getKeycloakSession(), removed.getRealm().getId())
                    .deleteOwner(CredentialScope.USER, removed.getUser().getId());
        }
    }
}
