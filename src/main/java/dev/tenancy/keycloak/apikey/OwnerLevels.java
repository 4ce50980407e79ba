package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.config.ModuleLevel;
import dev.tenancy.keycloak.tenant.Membership;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** What the owner of a personal key holds: the highest level of each module in any of their tenants. */
final class OwnerLevels {

    private OwnerLevels() {
    }

    static SortedMap<String, ModuleLevel> highest(List<Membership> memberships) {
        SortedMap<String, ModuleLevel> highest = new TreeMap<>();
        for (Membership membership : memberships) {
            membership.effective().modules().forEach((module, level) -> highest.merge(module, level, ModuleLevel::max));
        }
        return highest;
    }
}
