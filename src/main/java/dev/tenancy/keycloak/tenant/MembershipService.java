package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.config.ModuleLevel;
import dev.tenancy.keycloak.config.TenancyConfig;
import dev.tenancy.keycloak.config.TenancyConfigAttribute;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * A user's tenants with roles and effective permissions. Loading all of them costs Keycloak's membership
 * lookup plus two queries of ours, whatever the number of tenants: token issuing depends on that.
 */
public final class MembershipService {

    private final KeycloakSession session;
    private final RealmModel realm;

    public MembershipService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Every enabled tenant the user belongs to, ordered by alias. */
    public List<Membership> all(UserModel user) {
        return in(tenantsOf(user), user);
    }

    /**
     * Every enabled tenant the user belongs to, ordered by alias: Keycloak's membership lookup alone, so that a
     * caller who needs only some of them ({@link #in}) counts and picks them before any query of ours.
     */
    public List<OrganizationModel> tenantsOf(UserModel user) {
        Optional<OrganizationProvider> organizations = new TenantDirectory(session, realm).readable();
        if (organizations.isEmpty()) {
            return List.of();
        }
        return organizations.get().getByMember(user)
                .filter(OrganizationModel::isEnabled)
                .sorted(Comparator.comparing(OrganizationModel::getAlias))
                .toList();
    }

    /**
     * The user's memberships in {@code theirTenants} (taken from {@link #tenantsOf}), in that order: two
     * queries, whatever their number.
     */
    public List<Membership> in(List<OrganizationModel> theirTenants, UserModel user) {
        if (theirTenants.isEmpty()) {
            return List.of();
        }
        TenantStore store = new TenantStore(session, realm.getId());
        Map<String, SortedSet<String>> roles = store.rolesOfUser(user.getId());
        Map<String, SortedMap<String, SortedMap<String, ModuleLevel>>> overrides = roles.isEmpty()
                ? Map.of() : store.overridesForUser(user.getId());
        TenancyConfig config = TenancyConfigAttribute.read(realm);
        return theirTenants.stream()
                .map(tenant -> membership(config, tenant, roles.getOrDefault(tenant.getId(), new TreeSet<>()),
                        overrides.getOrDefault(tenant.getId(), new TreeMap<>())))
                .toList();
    }

    /** The user's membership in one enabled tenant, if they are a member. */
    public Optional<Membership> in(OrganizationModel tenant, UserModel user) {
        TenantDirectory directory = new TenantDirectory(session, realm);
        if (!directory.works(tenant) || !directory.organizations().isMember(tenant, user)) {
            return Optional.empty();
        }
        TenantStore store = new TenantStore(session, realm.getId());
        return Optional.of(membership(TenancyConfigAttribute.read(realm), tenant,
                store.rolesOfMember(tenant.getId(), user.getId()), store.overridesOfTenant(tenant.getId())));
    }

    /** The roles of one tenant as they stand: the realm's configuration with the tenant's overrides. */
    public TenantMatrix matrix(OrganizationModel tenant) {
        return new TenantMatrix(TenancyConfigAttribute.read(realm),
                new TenantStore(session, realm.getId()).overridesOfTenant(tenant.getId()));
    }

    /** How far {@code user} may hand out power in {@code tenant}: nothing when they are not a member. */
    public Grantor grantorIn(OrganizationModel tenant, UserModel user) {
        TenantMatrix matrix = matrix(tenant);
        return in(tenant, user).map(membership -> Grantor.member(user.getId(), membership, matrix))
                .orElseGet(() -> Grantor.nobody(matrix));
    }

    private static Membership membership(TenancyConfig config, OrganizationModel tenant, SortedSet<String> roles,
            Map<String, ? extends Map<String, ModuleLevel>> overrides) {
        return new Membership(TenantView.of(tenant), roles, EffectivePermissions.of(config, roles, overrides));
    }
}
