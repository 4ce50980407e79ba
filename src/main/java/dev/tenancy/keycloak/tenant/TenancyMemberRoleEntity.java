package dev.tenancy.keycloak.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One tenant role held by one member of one tenant (TENANCY_MEMBER_ROLE). */
@Entity(name = "TenancyMemberRole")
@Table(name = "TENANCY_MEMBER_ROLE")
@NamedQueries({
    @NamedQuery(name = "tenancy.rolesOfUser", query = "select r from TenancyMemberRole r"
            + " where r.realmId = :realmId and r.userId = :userId"),
    @NamedQuery(name = "tenancy.rolesOfMember", query = "select r from TenancyMemberRole r"
            + " where r.realmId = :realmId and r.tenantId = :tenantId and r.userId = :userId"),
    @NamedQuery(name = "tenancy.rolesOfMembers", query = "select r from TenancyMemberRole r"
            + " where r.realmId = :realmId and r.tenantId = :tenantId and r.userId in :userIds"),
    @NamedQuery(name = "tenancy.countRoleHolders", query = "select r.roleName, count(r) from TenancyMemberRole r"
            + " where r.realmId = :realmId group by r.roleName"),
    @NamedQuery(name = "tenancy.otherHolders", query = "select distinct r.userId from TenancyMemberRole r"
            + " where r.realmId = :realmId and r.tenantId = :tenantId and r.roleName in :roles"
            + " and r.userId <> :userId"),
    @NamedQuery(name = "tenancy.deleteRolesOfMember", query = "delete from TenancyMemberRole r"
            + " where r.realmId = :realmId and r.tenantId = :tenantId and r.userId = :userId"),
    @NamedQuery(name = "tenancy.deleteRolesOfTenant", query = "delete from TenancyMemberRole r"
            + " where r.realmId = :realmId and r.tenantId = :tenantId"),
    @NamedQuery(name = "tenancy.deleteRolesOfUser", query = "delete from TenancyMemberRole r"
            + " where r.realmId = :realmId and r.userId = :userId"),
    @NamedQuery(name = "tenancy.deleteRolesOfRealm", query = "delete from TenancyMemberRole r"
            + " where r.realmId = :realmId"),
})
public class TenancyMemberRoleEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "ROLE_NAME", length = 64, nullable = false)
    private String roleName;

    protected TenancyMemberRoleEntity() {
    }

    TenancyMemberRoleEntity(String id, String realmId, String tenantId, String userId, String roleName) {
        this.id = id;
        this.realmId = realmId;
        this.tenantId = tenantId;
        this.userId = userId;
        this.roleName = roleName;
    }

    String tenantId() {
        return tenantId;
    }

    String userId() {
        return userId;
    }

    String roleName() {
        return roleName;
    }
}
