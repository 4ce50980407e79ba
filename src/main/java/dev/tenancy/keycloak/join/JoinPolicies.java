package dev.tenancy.keycloak.join;

import jakarta.persistence.EntityManager;
import org.keycloak.models.utils.KeycloakModelUtils;

/** The store of TENANCY_JOIN_POLICY: no row is the policy {@code off}. */
final class JoinPolicies {

    private final EntityManager em;
    private final String realmId;

    JoinPolicies(EntityManager em, String realmId) {
        this.em = em;
        this.realmId = realmId;
    }

    JoinPolicy of(String tenantId) {
        return em.createNamedQuery("tenancy.joinPolicyOfTenant", TenancyJoinPolicyEntity.class)
                .setParameter("realmId", realmId).setParameter("tenantId", tenantId).getResultStream()
                .findFirst()
                .flatMap(row -> JoinMode.of(row.mode()).filter(mode -> mode != JoinMode.OFF)
                        .map(mode -> new JoinPolicy(mode.label(), row.defaultRole())))
                .orElse(JoinPolicy.OFF);
    }

    void save(String tenantId, JoinPolicy policy, String setBy) {
        em.createNamedQuery("tenancy.deleteJoinPolicy").setParameter("realmId", realmId)
                .setParameter("tenantId", tenantId).executeUpdate();
        if (policy.joinMode() != JoinMode.OFF) {
            em.persist(new TenancyJoinPolicyEntity(KeycloakModelUtils.generateId(), realmId, tenantId, policy.mode(),
                    policy.defaultRole(), System.currentTimeMillis(), setBy));
            // The delete above ran at once, the insert waits for the flush: flushed now, so that a second save in this
            // transaction finds the row to delete.
            em.flush();
        }
    }
}
