package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.config.ModuleLevel;
import dev.tenancy.keycloak.config.TenancyConfig;
import dev.tenancy.keycloak.config.TenancyPermission;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a member may do in one tenant: the union of the permissions of their roles, and per module the
 * highest level any of their roles reaches (the tenant's override where it has one, else the realm default).
 * Roles that the realm no longer defines grant nothing.
 */
public record EffectivePermissions(Set<TenancyPermission> permissions, SortedMap<String, ModuleLevel> modules) {

    public EffectivePermissions {
        permissions = permissions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(permissions));
        modules = Collections.unmodifiableSortedMap(new TreeMap<>(modules));
    }

    public static EffectivePermissions of(TenancyConfig config, Set<String> roles,
            Map<String, ? extends Map<String, ModuleLevel>> tenantOverrides) {
        Set<TenancyPermission> permissions = EnumSet.noneOf(TenancyPermission.class);
        SortedMap<String, ModuleLevel> modules = new TreeMap<>();
        config.modules().keySet().forEach(module -> modules.put(module, ModuleLevel.NONE));
        for (String role : roles) {
            if (!config.hasRole(role)) {
                continue;
            }
            permissions.addAll(config.permissionsOf(role));
            for (String module : config.modules().keySet()) {
                modules.merge(module, levelOf(config, tenantOverrides, role, module), ModuleLevel::max);
            }
        }
        return new EffectivePermissions(permissions, modules);
    }

    /** module → role → level for every role and module of the realm, as it applies in one tenant. */
    public static SortedMap<String, SortedMap<String, ModuleLevel>> matrix(TenancyConfig config,
            Map<String, ? extends Map<String, ModuleLevel>> tenantOverrides) {
        SortedMap<String, SortedMap<String, ModuleLevel>> matrix = new TreeMap<>();
        for (String module : config.modules().keySet()) {
            SortedMap<String, ModuleLevel> byRole = new TreeMap<>();
            config.roles().keySet().forEach(role -> byRole.put(role, levelOf(config, tenantOverrides, role, module)));
            matrix.put(module, byRole);
        }
        return matrix;
    }

    public boolean has(TenancyPermission permission) {
        return permissions.contains(permission);
    }

    public ModuleLevel level(String module) {
        return modules.getOrDefault(module, ModuleLevel.NONE);
    }

    /** A role's level on a module in one tenant: the tenant's override where it has one, else the realm default. */
    static ModuleLevel levelOf(TenancyConfig config, Map<String, ? extends Map<String, ModuleLevel>> overrides,
            String role, String module) {
        Map<String, ModuleLevel> moduleOverrides = overrides.get(module);
        if (moduleOverrides != null && moduleOverrides.containsKey(role)) {
            return moduleOverrides.get(role);
        }
        return config.defaultLevel(role, module);
    }
}
