package dev.tenancy.keycloak.join;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A tenant's join policy, one row per tenant that has one other than off (TENANCY_JOIN_POLICY). */
@Entity(name = "TenancyJoinPolicy")
@Table(name = "TENANCY_JOIN_POLICY")
@NamedQueries({
    @NamedQuery(name = "tenancy.joinPolicyOfTenant", query = "select p from TenancyJoinPolicy p"
            + " where p.realmId = :realmId and p.tenantId = :tenantId"),
    @NamedQuery(name = "tenancy.deleteJoinPolicy", query = "delete from TenancyJoinPolicy p"
            + " where p.realmId = :realmId and p.tenantId = :tenantId"),
})
public class TenancyJoinPolicyEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "JOIN_MODE", length = 16, nullable = false)
    private String mode;

    @Column(name = "DEFAULT_ROLE", length = 64, nullable = false)
    private String defaultRole;

    @Column(name = "SET_AT", nullable = false)
    private long setAt;

    @Column(name = "SET_BY", length = 36)
    private String setBy;

    protected TenancyJoinPolicyEntity() {
    }

    TenancyJoinPolicyEntity(String id, String realmId, String tenantId, String mode, String defaultRole, long setAt,
            String setBy) {
        this.id = id;
        this.realmId = realmId;
        this.tenantId = tenantId;
        this.mode = mode;
        this.defaultRole = defaultRole;
        this.setAt = setAt;
        this.setBy = setBy;
    }

    String mode() {
        return mode;
    }

    String defaultRole() {
        return defaultRole;
    }
}
