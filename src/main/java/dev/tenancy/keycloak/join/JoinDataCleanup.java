package dev.tenancy.keycloak.join;

import dev.tenancy.keycloak.removal.OwnerRemovalsFactory;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Keeps the joining rows in step with Keycloak's: a tenant's policy and requests go with the tenant, a user's
 * standings with the user (the foreign keys cascade too; deleting through JPA keeps Hibernate's session honest). A
 * membership that ends — through our API or Keycloak's, removed or left — leaves a {@link JoinStanding#REMOVED}
 * standing, so that the person does not come straight back by domain; a membership that begins, however it is made
 * (an invitation, a realm admin, a join), clears the user's standing with that tenant.
 */
public final class JoinDataCleanup implements OwnerRemovalsFactory {

    @Override
    public String getId() {
        return "joining";
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        OwnerRemovalsFactory.super.postInit(factory);
        factory.register(event -> {
            if (event instanceof OrganizationModel.OrganizationMemberJoinEvent joined) {
                KeycloakSession session = joined.getSession();
                new JoinRequests(em(session), session.getContext().getRealm().getId())
                        .forget(joined.getOrganization().getId(), joined.getUser().getId());
            }
        });
    }

    @Override
    public void realmRemoved(KeycloakSession session, String realmId) {
        em(session).createQuery("delete from TenancyJoinRequest r where r.realmId = :realmId")
                .setParameter("realmId", realmId).executeUpdate();
        em(session).createQuery("delete from TenancyJoinPolicy p where p.realmId = :realmId")
                .setParameter("realmId", realmId).executeUpdate();
    }

    @Override
    public void tenantRemoved(KeycloakSession session, String realmId, String tenantId) {
        em(session).createNamedQuery("tenancy.deleteJoinRequestsOfTenant").setParameter("realmId", realmId)
                .setParameter("tenantId", tenantId).executeUpdate();
        em(session).createNamedQuery("tenancy.deleteJoinPolicy").setParameter("realmId", realmId)
                .setParameter("tenantId", tenantId).executeUpdate();
    }

    @Override
    public void userRemoved(KeycloakSession session, String realmId, String userId) {
        em(session).createNamedQuery("tenancy.deleteJoinRequestsOfUser").setParameter("realmId", realmId)
                .setParameter("userId", userId).executeUpdate();
    }

    /**
     * Records the ended membership, unless the user is gone with it (Keycloak deletes a managed member when it
     * removes them).
     */
    @Override
    public void memberLeft(KeycloakSession session, String realmId, String tenantId, String userId) {
        RealmModel realm = session.realms().getRealm(realmId);
        UserModel user = realm == null ? null : session.users().getUserById(realm, userId);
        if (user != null) {
            new JoinRequests(em(session), realmId).put(tenantId, user, JoinStanding.REMOVED);
        }
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
