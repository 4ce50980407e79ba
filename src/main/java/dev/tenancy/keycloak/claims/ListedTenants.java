package dev.tenancy.keycloak.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The tenants that {@code tenants} lists out of all of a user's: the first {@code limit} in the order given
 * (by alias), the active tenant always among them, still in that order.
 *
 * @param <T> a tenant, as the caller holds it
 */
record ListedTenants<T>(List<T> listed, int total) {

    static <T> ListedTenants<T> of(List<T> all, int limit, Predicate<T> isActive) {
        if (all.size() <= limit) {
            return new ListedTenants<>(all, all.size());
        }
        List<T> listed = new ArrayList<>(all.subList(0, limit));
        boolean activeListed = listed.stream().anyMatch(isActive);
        T active = activeListed ? null : all.stream().filter(isActive).findFirst().orElse(null);
        if (active != null) {
            // The active tenant takes the place of the last one, and keeps its own place in the order.
            listed.remove(limit - 1);
            listed.add(active);
        }
        return new ListedTenants<>(List.copyOf(listed), all.size());
    }

    /** Whether some of the tenants are left out. */
    boolean truncated() {
        return listed.size() < total;
    }
}
