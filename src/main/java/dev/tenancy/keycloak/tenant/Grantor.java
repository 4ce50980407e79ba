package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.error.TenancyException;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** Who changes a tenant's members, and so which roles they may hand out or take away. */
public final class Grantor {

    private static final Grantor REALM_ADMIN = new Grantor(null);

    /** The roles the acting member holds, or null for a realm admin who is bound by none. */
    private final Set<String> heldRoles;

    private Grantor(Set<String> heldRoles) {
        this.heldRoles = heldRoles;
    }

    public static Grantor realmAdmin() {
        return REALM_ADMIN;
    }

    public static Grantor member(Set<String> heldRoles) {
        return new Grantor(Set.copyOf(heldRoles));
    }

    boolean mayAddMembers() {
        return heldRoles == null;
    }

    /** A member who holds nothing (any more): a tenant member who left, or a deleted or disabled user. */
    public static Grantor nobody() {
        return member(Set.of());
    }

    /** Throws 403 unless every role in {@code roles} is one the grantor holds. */
    public void requireMayChange(Set<String> roles) {
        SortedSet<String> beyond = beyond(roles);
        if (!beyond.isEmpty()) {
            throw TenancyException.forbidden("You cannot grant or take away roles you do not hold: " + beyond);
        }
    }

    /**
     * The roles of {@code roles} the grantor may not hand out; empty for a realm admin. The same rule as
     * {@link #requireMayChange}, for paths that drop what is beyond instead of refusing (accepting an
     * invitation whose inviter lost a role meanwhile).
     */
    public SortedSet<String> beyond(Set<String> roles) {
        SortedSet<String> beyond = new TreeSet<>(roles);
        if (heldRoles != null) {
            beyond.removeAll(heldRoles);
        } else {
            beyond.clear();
        }
        return beyond;
    }
}
