package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.config.ModuleLevel;
import dev.tenancy.keycloak.config.TenancyConfig;
import dev.tenancy.keycloak.config.TenancyPermission;
import java.util.Map;
import java.util.Set;

/**
 * What each role reaches in one tenant: its permissions from the realm's configuration, and its level on
 * each module after the tenant's overrides.
 *
 * @param overrides module → role → level, the tenant's own
 */
public record TenantMatrix(TenancyConfig config, Map<String, ? extends Map<String, ModuleLevel>> overrides) {

    public Set<TenancyPermission> permissionsOf(String role) {
        return config.permissionsOf(role);
    }

    public ModuleLevel level(String role, String module) {
        return EffectivePermissions.levelOf(config, overrides, role, module);
    }

    /** The same tenant with other overrides. */
    TenantMatrix withOverrides(Map<String, ? extends Map<String, ModuleLevel>> other) {
        return new TenantMatrix(config, other);
    }
}
