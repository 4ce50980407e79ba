package dev.tenancy.keycloak.domain;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.keycloak.models.utils.KeycloakModelUtils;

/** The store of TENANCY_DOMAIN_PROOF: a domain's proof is written when tenancy gives it to a tenant, dropped with it. */
final class DomainProofs {

    /** How a domain was proven. */
    enum Method {
        DNS, VOUCHED;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final EntityManager em;
    private final String realmId;

    DomainProofs(EntityManager em, String realmId) {
        this.em = em;
        this.realmId = realmId;
    }

    /** Records the proof, replacing one of the same name (the realm holds each name once). */
    void record(String tenantId, DomainName domain, Method method, String provenBy) {
        drop(domain);
        em.persist(new TenancyDomainProofEntity(KeycloakModelUtils.generateId(), realmId, tenantId, domain.value(),
                method.label(), System.currentTimeMillis(), provenBy));
    }

    void drop(DomainName domain) {
        em.createNamedQuery("tenancy.deleteProof").setParameter("realmId", realmId)
                .setParameter("domain", domain.value()).executeUpdate();
    }

    /** Which of {@code names} tenancy proved for this tenant. */
    List<String> provenOf(String tenantId, List<String> names) {
        return em.createNamedQuery("tenancy.proofsOfTenant", String.class).setParameter("realmId", realmId)
                .setParameter("tenantId", tenantId).setParameter("domains", names).getResultList();
    }
}
