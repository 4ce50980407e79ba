package dev.tenancy.keycloak.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tenancy.keycloak.config.ModuleLevel;
import dev.tenancy.keycloak.config.TenancyPermission;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * One of the caller's tenants as the self-service API shows it: the tenant, the roles held there and what they
 * allow. The tenant's own page adds the roles the realm defines and those the caller may grant.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MembershipRepresentation(String id, String name, String alias, SortedSet<String> roles,
        List<String> permissions, Map<String, String> modules,
        SortedSet<String> tenantRoles, SortedSet<String> grantableRoles) {

    public static MembershipRepresentation of(Membership membership) {
        return new MembershipRepresentation(membership.tenant().id(), membership.tenant().name(),
                membership.tenant().alias(), membership.roles(),
                membership.effective().permissions().stream().sorted().map(TenancyPermission::label).toList(),
                ModuleLevel.labels(membership.effective().modules()), null, null);
    }

    public MembershipRepresentation withRoles(SortedSet<String> defined, SortedSet<String> grantable) {
        return new MembershipRepresentation(id, name, alias, roles, permissions, modules, defined, grantable);
    }
}
