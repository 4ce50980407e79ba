package dev.tenancy.keycloak.join;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/** The store of TENANCY_JOIN_REQUEST: at most one row per tenant and user. */
final class JoinRequests {

    /** A suggestion turned down is not shown again for 30 days. */
    static final long DECLINE_QUIET_MILLIS = 30L * 24 * 60 * 60 * 1000;

    private final EntityManager em;
    private final String realmId;

    JoinRequests(EntityManager em, String realmId) {
        this.em = em;
        this.realmId = realmId;
    }

    Optional<TenancyJoinRequestEntity> of(String tenantId, String userId) {
        return em.createNamedQuery("tenancy.joinRequestOfUser", TenancyJoinRequestEntity.class)
                .setParameter("realmId", realmId).setParameter("tenantId", tenantId).setParameter("userId", userId)
                .getResultStream().findFirst();
    }

    /** The tenant's row by id, locked until the transaction ends, so that two decisions on it do not both pass. */
    Optional<TenancyJoinRequestEntity> lockedById(String tenantId, String id) {
        return em.createNamedQuery("tenancy.joinRequestById", TenancyJoinRequestEntity.class)
                .setParameter("realmId", realmId).setParameter("tenantId", tenantId).setParameter("id", id)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    List<TenancyJoinRequestEntity> pending(String tenantId) {
        return em.createNamedQuery("tenancy.joinRequestsInState", TenancyJoinRequestEntity.class)
                .setParameter("realmId", realmId).setParameter("tenantId", tenantId)
                .setParameter("state", JoinStanding.PENDING).getResultList();
    }

    /**
     * Whether the user may not join the tenant by domain: they, or another address of their mailbox, were removed
     * from it or had a request denied.
     */
    boolean keptOut(String tenantId, UserModel user) {
        Optional<TenancyJoinRequestEntity> own = of(tenantId, user.getId());
        if (own.isPresent() && JoinStanding.KEEPING_OUT.contains(own.get().state())) {
            return true;
        }
        String mailbox = Mailbox.of(user.getEmail());
        return mailbox != null && !em.createNamedQuery("tenancy.joinStandingsOfMailbox", String.class)
                .setParameter("realmId", realmId).setParameter("tenantId", tenantId).setParameter("mailbox", mailbox)
                .setParameter("states", JoinStanding.KEEPING_OUT).setMaxResults(1).getResultList().isEmpty();
    }

    /** Writes the user's standing with the tenant, replacing the one they had. */
    TenancyJoinRequestEntity put(String tenantId, UserModel user, JoinStanding standing) {
        forget(tenantId, user.getId());
        TenancyJoinRequestEntity row = new TenancyJoinRequestEntity(KeycloakModelUtils.generateId(), realmId, tenantId,
                user.getId(), clipped(user.getEmail()), Mailbox.of(user.getEmail()), standing,
                System.currentTimeMillis());
        em.persist(row);
        em.flush();
        return row;
    }

    void forget(String tenantId, String userId) {
        em.createNamedQuery("tenancy.deleteJoinRequestOfUser").setParameter("realmId", realmId)
                .setParameter("tenantId", tenantId).setParameter("userId", userId).executeUpdate();
    }

    private static String clipped(String email) {
        return email == null || email.length() <= 255 ? email : email.substring(0, 255);
    }
}
