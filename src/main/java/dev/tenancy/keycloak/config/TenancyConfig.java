package dev.tenancy.keycloak.config;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A realm's tenancy configuration: the tenant roles and the permissions each grants, the modules and
 * each role's default level on them, and the settings other features read.
 *
 * @param roles role name → permissions the role grants
 * @param modules module name → role name → default level (a role missing from a module has {@code none})
 * @param invitationLifespanSeconds default lifespan of an invitation
 * @param apiKeyPrefix the text before the underscore of this realm's API keys
 * @param invitationAllowDifferentEmail whether a signed-in user whose verified email differs from the
 *     invited one may accept the invitation
 * @param apiKeyClients client ids that may exchange API keys for tokens
 * @param apiKeyIntrospectionClients client ids that may introspect API keys; null: the same as
 *     {@code apiKeyClients}
 * @param invitationLimits how much invitation mail a sender and a tenant may cause
 */
public record TenancyConfig(
        SortedMap<String, Set<TenancyPermission>> roles,
        SortedMap<String, SortedMap<String, ModuleLevel>> modules,
        long invitationLifespanSeconds,
        String apiKeyPrefix,
        boolean invitationAllowDifferentEmail,
        SortedSet<String> apiKeyClients,
        SortedSet<String> apiKeyIntrospectionClients,
        InvitationLimits invitationLimits) {

    public static final long DEFAULT_INVITATION_LIFESPAN_SECONDS = 172_800;
    public static final String DEFAULT_API_KEY_PREFIX = "tnc";

    public TenancyConfig {
        roles = copyRoles(roles);
        modules = copyModules(modules);
        apiKeyClients = Collections.unmodifiableSortedSet(new TreeSet<>(apiKeyClients));
        apiKeyIntrospectionClients = apiKeyIntrospectionClients == null ? null
                : Collections.unmodifiableSortedSet(new TreeSet<>(apiKeyIntrospectionClients));
        invitationLimits = invitationLimits == null ? InvitationLimits.DEFAULTS : invitationLimits;
    }

    /** What a realm gets before anyone configures it: admin holds every permission, operator views members. */
    public static TenancyConfig defaults() {
        SortedMap<String, Set<TenancyPermission>> roles = new TreeMap<>();
        roles.put("admin", EnumSet.allOf(TenancyPermission.class));
        roles.put("operator", EnumSet.of(TenancyPermission.VIEW_MEMBERS));
        roles.put("member", EnumSet.noneOf(TenancyPermission.class));
        return new TenancyConfig(roles, new TreeMap<>(), DEFAULT_INVITATION_LIFESPAN_SECONDS, DEFAULT_API_KEY_PREFIX,
                false, new TreeSet<>(), null, InvitationLimits.DEFAULTS);
    }

    /** The clients that may introspect API keys: the configured list, else those that may exchange them. */
    public SortedSet<String> introspectionClients() {
        return apiKeyIntrospectionClients == null ? apiKeyClients : apiKeyIntrospectionClients;
    }

    /** This configuration with the settings that the admin-console tab does not show taken from {@code current}. */
    public TenancyConfig withSettingsOutsideTheTab(TenancyConfig current) {
        return new TenancyConfig(roles, modules, invitationLifespanSeconds, apiKeyPrefix, invitationAllowDifferentEmail,
                apiKeyClients, current.apiKeyIntrospectionClients(), current.invitationLimits());
    }

    public boolean hasRole(String role) {
        return roles.containsKey(role);
    }

    public boolean hasModule(String module) {
        return modules.containsKey(module);
    }

    public Set<TenancyPermission> permissionsOf(String role) {
        return roles.getOrDefault(role, Set.of());
    }

    public ModuleLevel defaultLevel(String role, String module) {
        return modules.getOrDefault(module, new TreeMap<>()).getOrDefault(role, ModuleLevel.NONE);
    }

    private static SortedMap<String, Set<TenancyPermission>> copyRoles(Map<String, Set<TenancyPermission>> roles) {
        SortedMap<String, Set<TenancyPermission>> copy = new TreeMap<>();
        roles.forEach((role, permissions) -> copy.put(role, permissions.isEmpty()
                ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions))));
        return Collections.unmodifiableSortedMap(copy);
    }

    private static SortedMap<String, SortedMap<String, ModuleLevel>> copyModules(
            Map<String, ? extends Map<String, ModuleLevel>> modules) {
        SortedMap<String, SortedMap<String, ModuleLevel>> copy = new TreeMap<>();
        modules.forEach((module, levels) -> copy.put(module,
                Collections.unmodifiableSortedMap(new TreeMap<>(levels))));
        return Collections.unmodifiableSortedMap(copy);
    }
}
