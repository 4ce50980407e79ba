package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.removal.OwnerRemovalsFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Removes tenancy rows together with the realm, organization, user or membership they belong to, in the
 * same transaction. The foreign keys cascade too, but deleting through JPA keeps Hibernate's session honest.
 */
public final class TenantDataCleanup implements OwnerRemovalsFactory {

    @Override
    public String getId() {
        return "tenants";
    }

    @Override
    public void realmRemoved(KeycloakSession session, String realmId) {
        new TenantStore(session, realmId).deleteRealm();
    }

    @Override
    public void tenantRemoved(KeycloakSession session, String realmId, String tenantId) {
        new TenantStore(session, realmId).deleteTenant(tenantId);
    }

    @Override
    public void userRemoved(KeycloakSession session, String realmId, String userId) {
        new TenantStore(session, realmId).deleteUser(userId);
    }

    @Override
    public void memberLeft(KeycloakSession session, String realmId, String tenantId, String userId) {
        new TenantStore(session, realmId).deleteRolesOfMember(tenantId, userId);
    }
}
