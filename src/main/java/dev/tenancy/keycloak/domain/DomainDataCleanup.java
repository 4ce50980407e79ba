package dev.tenancy.keycloak.domain;

import dev.tenancy.keycloak.removal.OwnerRemovalsFactory;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Removes a tenant's domain proofs with the tenant, in the same transaction (the foreign keys cascade too, and take
 * them with a realm; deleting through JPA keeps Hibernate's session honest).
 */
public final class DomainDataCleanup implements OwnerRemovalsFactory {

    @Override
    public String getId() {
        return "domains";
    }

    @Override
    public void tenantRemoved(KeycloakSession session, String realmId, String tenantId) {
        session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createNamedQuery("tenancy.deleteProofsOfTenant").setParameter("realmId", realmId)
                .setParameter("tenantId", tenantId).executeUpdate();
    }
}
