package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.config.TenancyPermission;
import java.util.SortedSet;

/** One user's place in one tenant: the tenant, the roles held there and what they allow. */
public record Membership(TenantView tenant, SortedSet<String> roles, EffectivePermissions effective) {

    public boolean has(TenancyPermission permission) {
        return effective.has(permission);
    }
}
