package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.config.ModuleLevel;
import dev.tenancy.keycloak.config.TenancyPermission;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;

/** One user's place in one tenant: the tenant, the roles held there and what they allow. */
public record Membership(TenantView tenant, SortedSet<String> roles, EffectivePermissions effective) {

    public boolean has(TenancyPermission permission) {
        return effective.has(permission);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", tenant.id());
        json.put("name", tenant.name());
        json.put("alias", tenant.alias());
        json.put("roles", roles);
        json.put("permissions", effective.permissions().stream().sorted().map(TenancyPermission::label).toList());
        json.put("modules", ModuleLevel.labels(effective.modules()));
        return json;
    }
}
