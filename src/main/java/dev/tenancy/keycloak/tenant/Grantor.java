package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.config.ModuleLevel;
import dev.tenancy.keycloak.config.TenancyConfig;
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
 * Who changes a tenant's members or module levels, and so how far they may go: the one gate every path that
 * hands out power in a tenant asks. A realm admin is bound by nothing; a member by what they hold there.
 */
public final class Grantor {

    private static final Grantor REALM_ADMIN = new Grantor(null, null);

    /** The roles the acting member holds, or null for a realm admin who is bound by none. */
    private final Set<String> heldRoles;
    /** What those roles let the member do in the tenant now; null for a realm admin. */
    private final EffectivePermissions held;

    private Grantor(Set<String> heldRoles, EffectivePermissions held) {
        this.heldRoles = heldRoles;
        this.held = held;
    }

    public static Grantor realmAdmin() {
        return REALM_ADMIN;
    }

    /** A member whose roles are known but not what they allow: may change no module level. */
    public static Grantor member(Set<String> heldRoles) {
        return new Grantor(Set.copyOf(heldRoles), new EffectivePermissions(Set.of(), new TreeMap<>()));
    }

    public static Grantor member(Membership membership) {
        return new Grantor(Set.copyOf(membership.roles()), membership.effective());
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

    /**
     * Throws 403 unless every role that a change of the tenant's overrides touches (module → role → level;
     * an override added, removed or changed, even one equal to the realm default, since it pins the level
     * against later default changes) is dominated by the grantor before and after: its permissions are among
     * the grantor's, and on every module its effective level is at most the grantor's own. So a member
     * neither raises a role above themselves nor touches a role that outranks them.
     */
    public void requireMayOverride(TenancyConfig config, Map<String, ? extends Map<String, ModuleLevel>> before,
            Map<String, ? extends Map<String, ModuleLevel>> after) {
        if (held == null) {
            return;
        }
        Map<String, ? extends Map<String, ModuleLevel>> matrixBefore = EffectivePermissions.matrix(config, before);
        Map<String, ? extends Map<String, ModuleLevel>> matrixAfter = EffectivePermissions.matrix(config, after);
        List<String> refusals = new ArrayList<>();
        for (String role : config.roles().keySet()) {
            if (!touches(config, before, after, role)) {
                continue;
            }
            String excess = excess(config, matrixBefore, role, "has");
            if (excess == null) {
                excess = excess(config, matrixAfter, role, "would have");
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

    private static boolean touches(TenancyConfig config, Map<String, ? extends Map<String, ModuleLevel>> before,
            Map<String, ? extends Map<String, ModuleLevel>> after, String role) {
        return config.modules().keySet().stream()
                .anyMatch(module -> !Objects.equals(override(before, module, role),
                        override(after, module, role)));
    }

    private static ModuleLevel override(Map<String, ? extends Map<String, ModuleLevel>> overrides, String module,
            String role) {
        Map<String, ModuleLevel> byRole = overrides.get(module);
        return byRole == null ? null : byRole.get(role);
    }

    /** What of {@code role} reaches beyond the grantor in {@code matrix}, in words; null when nothing does. */
    private String excess(TenancyConfig config, Map<String, ? extends Map<String, ModuleLevel>> matrix, String role,
            String verb) {
        Set<TenancyPermission> permissions = config.permissionsOf(role).isEmpty()
                ? EnumSet.noneOf(TenancyPermission.class) : EnumSet.copyOf(config.permissionsOf(role));
        permissions.removeAll(held.permissions());
        if (!permissions.isEmpty()) {
            return "grants " + permissions.stream().sorted().map(TenancyPermission::label).toList()
                    + ", which you do not hold";
        }
        for (String module : config.modules().keySet()) {
            ModuleLevel level = level(matrix, module, role);
            if (!held.level(module).includes(level)) {
                return verb + " '" + level.label() + "' on '" + module + "' where you have '"
                        + held.level(module).label() + "'";
            }
        }
        return null;
    }

    private static ModuleLevel level(Map<String, ? extends Map<String, ModuleLevel>> matrix, String module,
            String role) {
        Map<String, ModuleLevel> byRole = matrix.get(module);
        return byRole == null ? ModuleLevel.NONE : byRole.getOrDefault(role, ModuleLevel.NONE);
    }
}
