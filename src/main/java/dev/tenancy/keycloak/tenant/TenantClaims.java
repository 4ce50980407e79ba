package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.config.ModuleLevel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@code tenants} and {@code tenant} claim values from a user's memberships: the one place that
 * knows the claim format, for the mapper and for the API key grant.
 */
public final class TenantClaims {

    public static final String TENANTS = "tenants";
    public static final String TENANT = "tenant";
    /** Present when {@code tenants} lists only some of the user's tenants: how many there are, and where all are. */
    public static final String TENANTS_TRUNCATED = "tenants_truncated";
    /** The protocol mapper that writes these claims ({@code claims.TenantClaimsMapper}). */
    public static final String MAPPER_ID = "tenancy-claims-mapper";

    private TenantClaims() {
    }

    /** {@code {alias: {"id", "name", "roles", "modules"}}} for every membership. */
    public static Map<String, Object> tenants(List<Membership> memberships) {
        return tenants(memberships, TenantsClaimShape.FULL);
    }

    /** {@code {alias: entry}} for every membership, in the order given, each entry in the shape asked for. */
    public static Map<String, Object> tenants(List<Membership> memberships, TenantsClaimShape shape) {
        Map<String, Object> claim = new LinkedHashMap<>();
        for (Membership membership : memberships) {
            Map<String, Object> tenant = new LinkedHashMap<>();
            if (shape == TenantsClaimShape.FULL) {
                tenant.put("id", membership.tenant().id());
                tenant.put("name", membership.tenant().name());
            }
            if (shape != TenantsClaimShape.ALIASES) {
                tenant.put("roles", List.copyOf(membership.roles()));
            }
            if (shape == TenantsClaimShape.FULL) {
                tenant.put("modules", modules(membership));
            }
            claim.put(membership.tenant().alias(), tenant);
        }
        return claim;
    }

    /** {@code {"total", "url"}}: the number of the user's tenants, and the address that lists them all. */
    public static Map<String, Object> truncated(int total, String fullListUrl) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("total", total);
        claim.put("url", fullListUrl);
        return claim;
    }

    /** {@code {"id", "alias", "roles", "modules"}} of the active tenant, when the user is a member of it. */
    public static Optional<Map<String, Object>> tenant(List<Membership> memberships, String activeTenantId) {
        return memberships.stream()
                .filter(membership -> membership.tenant().id().equals(activeTenantId))
                .findFirst()
                .map(membership -> {
                    Map<String, Object> claim = new LinkedHashMap<>();
                    claim.put("id", membership.tenant().id());
                    claim.put("alias", membership.tenant().alias());
                    claim.put("roles", List.copyOf(membership.roles()));
                    claim.put("modules", modules(membership));
                    return claim;
                });
    }

    private static Map<String, String> modules(Membership membership) {
        return ModuleLevel.labels(membership.effective().modules());
    }
}
