package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.config.ModuleLevel;
import dev.tenancy.keycloak.config.TenancyPermission;
import dev.tenancy.keycloak.error.TenancyException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who changes a tenant's members, invitations or module levels, and so how far they may go: the one gate
 * every path that hands out power in a tenant asks (granting and taking away roles, an invitation's create,
 * resend and acceptance, module overrides). A realm admin is bound by nothing. A member may hand out, take
 * away or change only roles they <em>dominate</em> in that tenant: every permission of the role is one of
 * theirs, and on every module the role's level there (after the tenant's overrides) is at most their own.
 * So an admin makes colleagues operators or members, and nobody raises anyone above themselves.
 */
public final class Grantor {

    private static final Grantor REALM_ADMIN = new Grantor(null, null, null);

    /** What the acting member may do in the tenant now; null for a realm admin. */
    private final EffectivePermissions held;
    /** The roles of the tenant as they stand; null for a realm admin. */
    private final TenantMatrix tenant;
    /** The acting member's user id; null for a realm admin. */
    private final String memberId;

    private Grantor(EffectivePermissions held, TenantMatrix tenant, String memberId) {
        this.held = held;
        this.tenant = tenant;
        this.memberId = memberId;
    }

    public static Grantor realmAdmin() {
        return REALM_ADMIN;
    }

    /** A member of the tenant {@code tenant}, acting with what {@code membership} gives them. */
    public static Grantor member(String userId, Membership membership, TenantMatrix tenant) {
        return new Grantor(membership.effective(), tenant, Objects.requireNonNull(userId));
    }

    /** Someone who holds nothing (any more) in the tenant: a member who left, or a deleted or disabled user. */
    public static Grantor nobody(TenantMatrix tenant) {
        return new Grantor(new EffectivePermissions(Set.of(), new TreeMap<>()), tenant, "");
    }

    boolean mayAddMembers() {
        return held == null;
    }

    /** Whether this is a member acting on themselves; a realm admin never is. */
    boolean isMember(String userId) {
        return memberId != null && memberId.equals(userId);
    }

    /** Throws 403, naming each role and why, unless the grantor dominates every role in {@code roles}. */
    public void requireMayChange(Set<String> roles) {
        List<String> refusals = refusals(roles);
        if (!refusals.isEmpty()) {
            throw TenancyException.forbidden("You can only grant or take away roles within your own permissions "
                    + "and module levels in this tenant: " + String.join("; ", refusals));
        }
    }

    /**
     * The roles of {@code roles} the grantor may not hand out; empty for a realm admin. The same rule as
     * {@link #requireMayChange}, for paths that drop what is beyond instead of refusing (accepting an
     * invitation whose inviter lost power meanwhile).
     */
    public SortedSet<String> beyond(Set<String> roles) {
        SortedSet<String> beyond = new TreeSet<>();
        if (held != null) {
            roles.stream().filter(role -> excess(tenant, role, "has") != null).forEach(beyond::add);
        }
        return beyond;
    }

    /**
     * The tenant's roles this member may grant, take away and pre-assign now: every role {@link #requireMayChange}
     * would let through. The console offers these and no others; the API decides anyway.
     */
    public SortedSet<String> grantable() {
        if (held == null) {
            throw new IllegalStateException("A realm admin may grant every role; ask the realm's configuration");
        }
        SortedSet<String> grantable = new TreeSet<>(tenant.config().roles().keySet());
        grantable.removeAll(beyond(grantable));
        return grantable;
    }

    /**
     * Throws 403 unless every role whose overrides a change touches (an override added, removed or changed —
     * also one equal to the realm default, since it pins the level when the default changes later) is
     * dominated by the grantor both before and after the change.
     */
    public void requireMayOverride(Map<String, ? extends Map<String, ModuleLevel>> after) {
        if (held == null) {
            return;
        }
        TenantMatrix changed = tenant.withOverrides(after);
        List<String> refusals = new ArrayList<>();
        for (String role : tenant.config().roles().keySet()) {
            if (!touches(tenant, changed, role)) {
                continue;
            }
            String excess = excess(tenant, role, "has");
            if (excess == null) {
                excess = excess(changed, role, "would have");
            }
            if (excess != null) {
                refusals.add("role '" + role + "' " + excess);
            }
        }
        if (!refusals.isEmpty()) {
            throw TenancyException.forbidden("You can only change module levels of roles that stay within your own "
                    + "levels and permissions in this tenant: " + String.join("; ", refusals));
        }
    }

    private List<String> refusals(Set<String> roles) {
        List<String> refusals = new ArrayList<>();
        if (held == null) {
            return refusals;
        }
        for (String role : new TreeSet<>(roles)) {
            String excess = excess(tenant, role, "has");
            if (excess != null) {
                refusals.add("role '" + role + "' " + excess);
            }
        }
        return refusals;
    }

    private static boolean touches(TenantMatrix before, TenantMatrix after, String role) {
        return before.config().modules().keySet().stream()
                .anyMatch(module -> !Objects.equals(override(before, module, role), override(after, module, role)));
    }

    private static ModuleLevel override(TenantMatrix matrix, String module, String role) {
        Map<String, ModuleLevel> byRole = matrix.overrides().get(module);
        return byRole == null ? null : byRole.get(role);
    }

    /** What of {@code role} reaches beyond the grantor in {@code matrix}, in words; null when nothing does. */
    private String excess(TenantMatrix matrix, String role, String verb) {
        Set<TenancyPermission> permissions = matrix.permissionsOf(role).isEmpty()
                ? EnumSet.noneOf(TenancyPermission.class) : EnumSet.copyOf(matrix.permissionsOf(role));
        permissions.removeAll(held.permissions());
        if (!permissions.isEmpty()) {
            return "grants " + permissions.stream().map(TenancyPermission::label).sorted().toList()
                    + ", which you do not hold";
        }
        for (String module : matrix.config().modules().keySet()) {
            ModuleLevel level = matrix.level(role, module);
            if (!held.level(module).includes(level)) {
                return verb + " '" + level.label() + "' on '" + module + "' where you have '"
                        + held.level(module).label() + "'";
            }
        }
        return null;
    }
}
