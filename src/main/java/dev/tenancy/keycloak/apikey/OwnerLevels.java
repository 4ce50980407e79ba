package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.config.ModuleLevel;
import dev.tenancy.keycloak.tenant.Membership;
import dev.tenancy.keycloak.tenant.MembershipService;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;

/** What a key's owner holds now: module levels in the key's tenant, or the highest in any tenant for a personal key. */
final class OwnerLevels {

    private OwnerLevels() {
    }

    /** Empty when the owner is not (or no longer) a member of the tenant. */
    static Optional<SortedMap<String, ModuleLevel>> of(MembershipService memberships, UserModel owner,
            OrganizationModel tenant) {
        if (tenant != null) {
            return memberships.in(tenant, owner).map(membership -> membership.effective().modules());
        }
        return Optional.of(highest(memberships.all(owner)));
    }

    static SortedMap<String, ModuleLevel> highest(List<Membership> memberships) {
        SortedMap<String, ModuleLevel> highest = new TreeMap<>();
        for (Membership membership : memberships) {
            membership.effective().modules().forEach((module, level) -> highest.merge(module, level, ModuleLevel::max));
        }
        return highest;
    }
}
