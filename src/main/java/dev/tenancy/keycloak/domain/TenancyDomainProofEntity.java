package dev.tenancy.keycloak.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A domain tenancy itself proved by DNS, or a realm admin with manage-realm vouched for (TENANCY_DOMAIN_PROOF): what
 * joining by domain trusts, since Keycloak's own "verified" flag can be set by any manager of the organization.
 */
@Entity(name = "TenancyDomainProof")
@Table(name = "TENANCY_DOMAIN_PROOF")
@NamedQueries({
    @NamedQuery(name = "tenancy.proofsOfTenant", query = "select p.domain from TenancyDomainProof p"
            + " where p.realmId = :realmId and p.tenantId = :tenantId and p.domain in :domains"),
    @NamedQuery(name = "tenancy.deleteProof", query = "delete from TenancyDomainProof p"
            + " where p.realmId = :realmId and p.domain = :domain"),
    @NamedQuery(name = "tenancy.deleteProofsOfTenant", query = "delete from TenancyDomainProof p"
            + " where p.realmId = :realmId and p.tenantId = :tenantId"),
})
public class TenancyDomainProofEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "DOMAIN", length = 255, nullable = false)
    private String domain;

    @Column(name = "METHOD", length = 16, nullable = false)
    private String method;

    @Column(name = "PROVEN_AT", nullable = false)
    private long provenAt;

    @Column(name = "PROVEN_BY", length = 36)
    private String provenBy;

    protected TenancyDomainProofEntity() {
    }

    TenancyDomainProofEntity(String id, String realmId, String tenantId, String domain, String method, long provenAt,
            String provenBy) {
        this.id = id;
        this.realmId = realmId;
        this.tenantId = tenantId;
        this.domain = domain;
        this.method = method;
        this.provenAt = provenAt;
        this.provenBy = provenBy;
    }

    /** Whether {@code label} names a way tenancy proves a domain ({@code dns}, {@code vouched}). */
    public static boolean isMethod(String label) {
        return java.util.Arrays.stream(DomainProofs.Method.values()).anyMatch(method -> method.label().equals(label));
    }
}
