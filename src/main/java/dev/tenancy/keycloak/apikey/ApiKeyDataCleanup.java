package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.removal.OwnerRemovalsFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Keys go with their realm, tenant or owner; a member who leaves a tenant (through our API or Keycloak's)
 * has their keys for it revoked, in the same transaction.
 */
public final class ApiKeyDataCleanup implements OwnerRemovalsFactory {

    @Override
    public String getId() {
        return "api-keys";
    }

    @Override
    public void realmRemoved(KeycloakSession session, String realmId) {
        new ApiKeyStore(session, realmId).deleteRealm();
    }

    @Override
    public void tenantRemoved(KeycloakSession session, String realmId, String tenantId) {
        new ApiKeyStore(session, realmId).deleteTenant(tenantId);
    }

    @Override
    public void userRemoved(KeycloakSession session, String realmId, String userId) {
        new ApiKeyStore(session, realmId).deleteUser(userId);
    }

    @Override
    public void memberLeft(KeycloakSession session, String realmId, String tenantId, String userId) {
        new ApiKeyStore(session, realmId).revokeOfMember(tenantId, userId, System.currentTimeMillis());
    }
}
