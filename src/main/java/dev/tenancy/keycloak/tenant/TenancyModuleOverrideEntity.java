package dev.tenancy.keycloak.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A tenant's own level for one role on one module, replacing the realm default (TENANCY_MODULE_OVERRIDE). */
@Entity(name = "TenancyModuleOverride")
@Table(name = "TENANCY_MODULE_OVERRIDE")
@NamedQueries({
    @NamedQuery(name = "tenancy.overridesOfTenant", query = "select o from TenancyModuleOverride o"
            + " where o.realmId = :realmId and o.tenantId = :tenantId"),
    @NamedQuery(name = "tenancy.overridesForUser", query = "select o from TenancyModuleOverride o"
            + " where o.realmId = :realmId and o.tenantId in (select r.tenantId from TenancyMemberRole r"
            + " where r.realmId = :realmId and r.userId = :userId)"),
    @NamedQuery(name = "tenancy.deleteOverridesOfRoles", query = "delete from TenancyModuleOverride o"
            + " where o.realmId = :realmId and o.roleName in :roles"),
    @NamedQuery(name = "tenancy.deleteOverridesOfTenant", query = "delete from TenancyModuleOverride o"
            + " where o.realmId = :realmId and o.tenantId = :tenantId"),
    @NamedQuery(name = "tenancy.deleteOverridesOfRealm", query = "delete from TenancyModuleOverride o"
            + " where o.realmId = :realmId"),
    @NamedQuery(name = "tenancy.deleteOverridesOfModules", query = "delete from TenancyModuleOverride o"
            + " where o.realmId = :realmId and o.moduleName in :modules"),
})
public class TenancyModuleOverrideEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "TENANT_ID", length = 36, nullable = false)
    private String tenantId;

    @Column(name = "ROLE_NAME", length = 64, nullable = false)
    private String roleName;

    @Column(name = "MODULE_NAME", length = 64, nullable = false)
    private String moduleName;

    @Column(name = "MODULE_LEVEL", length = 16, nullable = false)
    private String level;

    protected TenancyModuleOverrideEntity() {
    }

    TenancyModuleOverrideEntity(String id, String realmId, String tenantId, String roleName, String moduleName,
            String level) {
        this.id = id;
        this.realmId = realmId;
        this.tenantId = tenantId;
        this.roleName = roleName;
        this.moduleName = moduleName;
        this.level = level;
    }

    String tenantId() {
        return tenantId;
    }

    String roleName() {
        return roleName;
    }

    String moduleName() {
        return moduleName;
    }

    String level() {
        return level;
    }
}
