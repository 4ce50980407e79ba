package dev.tenancy.keycloak.credential;

import dev.tenancy.keycloak.removal.OwnerRemovalsFactory;
import org.keycloak.models.KeycloakSession;

/** Credentials go with their owner: the realm, the tenant or the user, in the same transaction. */
public final class CredentialDataCleanup implements OwnerRemovalsFactory {

    @Override
    public String getId() {
        return "credentials";
    }

    @Override
    public void realmRemoved(KeycloakSession session, String realmId) {
        new CredentialStore(session, realmId).deleteRealm();
    }

    @Override
    public void tenantRemoved(KeycloakSession session, String realmId, String tenantId) {
        new CredentialStore(session, realmId).deleteOwner(CredentialScope.TENANT, tenantId);
    }

    @Override
    public void userRemoved(KeycloakSession session, String realmId, String userId) {
        new CredentialStore(session, realmId).deleteOwner(CredentialScope.USER, userId);
    }
}
