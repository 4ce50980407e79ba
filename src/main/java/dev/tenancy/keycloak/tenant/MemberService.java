package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.audit.TenancyResourceType;
import dev.tenancy.keycloak.config.TenancyConfig;
import dev.tenancy.keycloak.config.TenancyConfigAttribute;
import dev.tenancy.keycloak.config.TenancyPermission;
import dev.tenancy.keycloak.error.TenancyException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Membership and tenant roles of one tenant. A {@link Grantor} says who acts: a realm admin may do
 * anything; a tenant member may only grant or take away roles they dominate, never changes their own roles,
 * and never leaves the tenant without a member who can manage members.
 */
public final class MemberService {

    /**
     * The one 404 of the member endpoints, for a user id unknown to the realm and for a user outside the
     * tenant alike: a tenant manager must not learn which ids exist elsewhere in the realm.
     */
    static final String NOT_FOUND = "User not found in this tenant";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final TenantStore store;
    private final TenancyAudit audit;

    public MemberService(KeycloakSession session, RealmModel realm, TenancyAudit audit) {
        this.session = session;
        this.realm = realm;
        this.store = new TenantStore(session, realm.getId());
        this.audit = audit;
    }

    public List<MemberView> list(OrganizationModel tenant, String search, int first, int max) {
        Map<String, String> filters = search == null ? Map.of() : Map.of(UserModel.SEARCH, search);
        List<UserModel> members = organizations().getMembersStream(tenant, filters, false, first, max).toList();
        Map<String, SortedSet<String>> roles = store.rolesOfMembers(tenant.getId(),
                members.stream().map(UserModel::getId).toList());
        return members.stream()
                .map(user -> MemberView.of(user, roles.getOrDefault(user.getId(), new TreeSet<>())))
                .toList();
    }

    public MemberView get(OrganizationModel tenant, String userId) {
        UserModel user = requireMember(tenant, userId);
        return MemberView.of(user, store.rolesOfMember(tenant.getId(), user.getId()));
    }

    /** Replaces the member's roles, adding the user to the tenant first when the grantor may do that. */
    public MemberView setRoles(OrganizationModel tenant, String userId, Set<String> roles, Grantor grantor) {
        TenancyConfig config = TenancyConfigAttribute.read(realm);
        for (String role : roles) {
            if (!config.hasRole(role)) {
                throw TenancyException.invalid("Field 'roles' names unknown role '" + role + "'");
            }
        }
        UserModel user = requireUser(userId);
        boolean member = organizations().isMember(tenant, user);
        if (!member && !grantor.mayAddMembers()) {
            throw TenancyException.notFound(NOT_FOUND);
        }
        if (grantor.isMember(user.getId())) {
            throw TenancyException.forbidden("You cannot change your own roles in a tenant; another member who "
                    + "manages members can");
        }
        SortedSet<String> current = member ? store.rolesOfMember(tenant.getId(), user.getId()) : new TreeSet<>();
        SortedSet<String> changed = new TreeSet<>(roles);
        changed.addAll(current);
        changed.removeIf(role -> roles.contains(role) && current.contains(role));
        grantor.requireMayChange(changed);
        if (!grantor.mayAddMembers()) {
            requireAnotherManager(tenant, user, current, roles, config);
        }
        if (!member && !organizations().addMember(tenant, user)) {
            throw TenancyException.conflict("User cannot join this tenant");
        }
        store.replaceRolesOfMember(tenant.getId(), user.getId(), roles);
        MemberView view = MemberView.of(user, new TreeSet<>(roles));
        audit.tenantChange(TenancyResourceType.TENANCY_MEMBER, member ? OperationType.UPDATE : OperationType.CREATE,
                tenant.getId(), view, "tenants", tenant.getId(), "members", user.getId());
        return view;
    }

    /**
     * Lets a user in who accepted an invitation: adds the membership when missing and adds the invited
     * roles that still exist to the ones the user holds. The invitation was checked when it was made.
     *
     * @return the roles the user holds afterwards
     */
    public SortedSet<String> admit(OrganizationModel tenant, UserModel user, Set<String> invitedRoles) {
        TenancyConfig config = TenancyConfigAttribute.read(realm);
        boolean member = organizations().isMember(tenant, user);
        if (!member && !organizations().addMember(tenant, user)) {
            throw TenancyException.conflict("User cannot join this tenant");
        }
        SortedSet<String> roles = member ? store.rolesOfMember(tenant.getId(), user.getId()) : new TreeSet<>();
        invitedRoles.stream().filter(config::hasRole).forEach(roles::add);
        store.replaceRolesOfMember(tenant.getId(), user.getId(), roles);
        return roles;
    }

    /** Removes a member; a member removing themselves leaves the tenant. */
    public void remove(OrganizationModel tenant, String userId, Grantor grantor) {
        UserModel user = requireMember(tenant, userId);
        SortedSet<String> current = store.rolesOfMember(tenant.getId(), user.getId());
        if (!grantor.isMember(user.getId())) {
            grantor.requireMayChange(current);
        }
        if (!grantor.mayAddMembers()) {
            requireAnotherManager(tenant, user, current, Set.of(), TenancyConfigAttribute.read(realm));
        }
        store.deleteRolesOfMember(tenant.getId(), user.getId());
        organizations().removeMember(tenant, user);
        audit.tenantChange(TenancyResourceType.TENANCY_MEMBER, OperationType.DELETE, tenant.getId(),
                Map.of("userId", user.getId()), "tenants", tenant.getId(), "members", user.getId());
    }

    /**
     * A tenant's members keep one of them who can manage members: the change that would take the last such
     * member's power away (a demotion, a removal, leaving) is a 409. Realm admins can always step in, so the
     * rule binds tenant members, who could otherwise lock their tenant.
     */
    private void requireAnotherManager(OrganizationModel tenant, UserModel user, Set<String> before,
            Set<String> after, TenancyConfig config) {
        Set<String> managing = new TreeSet<>();
        config.roles().forEach((role, permissions) -> {
            if (permissions.contains(TenancyPermission.MANAGE_MEMBERS)) {
                managing.add(role);
            }
        });
        boolean managesNow = before.stream().anyMatch(managing::contains);
        boolean managesAfter = after.stream().anyMatch(managing::contains);
        if (managesNow && !managesAfter && !anotherActiveHolder(tenant, user, managing)) {
            throw TenancyException.conflict("'" + user.getUsername() + "' is the last member of this tenant who can "
                    + "manage members; give a role with manage-members to someone else first");
        }
    }

    /** Another enabled member of the tenant holds one of {@code roles}: a disabled account manages nothing. */
    private boolean anotherActiveHolder(OrganizationModel tenant, UserModel user, Set<String> roles) {
        return store.otherHolders(tenant.getId(), user.getId(), roles).stream()
                .map(id -> session.users().getUserById(realm, id))
                .anyMatch(holder -> holder != null && holder.isEnabled() && organizations().isMember(tenant, holder));
    }

    private UserModel requireMember(OrganizationModel tenant, String userId) {
        UserModel user = requireUser(userId);
        if (!organizations().isMember(tenant, user)) {
            throw TenancyException.notFound(NOT_FOUND);
        }
        return user;
    }

    private UserModel requireUser(String userId) {
        UserModel user = userId == null || userId.length() > 255 ? null : session.users().getUserById(realm, userId);
        if (user == null) {
            throw TenancyException.notFound(NOT_FOUND);
        }
        return user;
    }

    private OrganizationProvider organizations() {
        return new TenantDirectory(session, realm).organizations();
    }
}
