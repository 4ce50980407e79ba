package dev.tenancy.keycloak.config;

import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.json.Fields;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads and writes the JSON form of {@link TenancyConfig}, rejecting anything inconsistent with a 400. */
public final class TenancyConfigJson {

    static final Pattern API_KEY_PREFIX = Pattern.compile("[a-z][a-z0-9]{1,15}");
    static final long MIN_LIFESPAN_SECONDS = 60;
    static final long MAX_LIFESPAN_SECONDS = 31_536_000;
    static final long MAX_COUNT = 100_000;
    private static final int MAX_ROLES = 50;
    private static final int MAX_MODULES = 200;
    /** A client id as Keycloak allows it, without whitespace or commas (the tab lists them comma-separated). */
    private static final Pattern CLIENT_ID = Pattern.compile("[^\\s,]{1,255}");
    private static final Pattern PERMISSION = Pattern.compile("[a-z][a-z-]{0,39}");

    private TenancyConfigJson() {
    }

    public static TenancyConfig read(TenancyConfigRepresentation body) {
        if (body.roles() == null) {
            throw Fields.required("roles");
        }
        SortedMap<String, Set<TenancyPermission>> roles = readRoles(body.roles());
        if (roles.isEmpty()) {
            throw TenancyException.invalid("Field 'roles' must name at least one role");
        }
        SortedMap<String, SortedMap<String, ModuleLevel>> modules = readModules(body.modules(), roles.keySet());
        long lifespan = Optional.ofNullable(Fields.range("invitationLifespanSeconds", body.invitationLifespanSeconds(),
                MIN_LIFESPAN_SECONDS, MAX_LIFESPAN_SECONDS)).orElse(TenancyConfig.DEFAULT_INVITATION_LIFESPAN_SECONDS);
        String prefix = Optional.ofNullable(Fields.text("apiKeyPrefix", body.apiKeyPrefix(), 16))
                .orElse(TenancyConfig.DEFAULT_API_KEY_PREFIX);
        if (!API_KEY_PREFIX.matcher(prefix).matches()) {
            throw TenancyException.invalid("Field 'apiKeyPrefix' must match " + API_KEY_PREFIX.pattern());
        }
        boolean allowDifferentEmail = Boolean.TRUE.equals(body.invitationAllowDifferentEmail());
        List<String> clients = Fields.textList("apiKeyClients", body.apiKeyClients(), CLIENT_ID, 100);
        SortedSet<String> apiKeyClients = new TreeSet<>(clients == null ? List.of() : clients);
        List<String> introspection = Fields.textList("apiKeyIntrospectionClients", body.apiKeyIntrospectionClients(),
                CLIENT_ID, 100);
        SortedSet<String> introspectionClients = introspection == null ? null : new TreeSet<>(introspection);
        InvitationLimits defaults = InvitationLimits.DEFAULTS;
        InvitationLimits limits = new InvitationLimits(
                count("invitationMailsPerSenderPerHour", body.invitationMailsPerSenderPerHour(), 1,
                        defaults.mailsPerSenderPerHour()),
                count("invitationMailsPerTenantPerHour", body.invitationMailsPerTenantPerHour(), 1,
                        defaults.mailsPerTenantPerHour()),
                count("invitationMaxResends", body.invitationMaxResends(), 0, defaults.maxResends()));
        return new TenancyConfig(roles, modules, lifespan, prefix, allowDifferentEmail, apiKeyClients,
                introspectionClients, limits);
    }

    private static int count(String field, Long value, int min, int fallback) {
        return Optional.ofNullable(Fields.range(field, value, min, MAX_COUNT)).map(Long::intValue).orElse(fallback);
    }

    public static TenancyConfigRepresentation write(TenancyConfig config) {
        Map<String, TenancyConfigRepresentation.Role> roles = new LinkedHashMap<>();
        config.roles().forEach((role, permissions) -> roles.put(role, new TenancyConfigRepresentation.Role(
                permissions.stream().sorted().map(TenancyPermission::label).toList())));
        Map<String, Map<String, Object>> modules = new LinkedHashMap<>();
        config.modules().forEach((module, levels) -> modules.put(module, new LinkedHashMap<>(ModuleLevel.labels(levels))));
        return new TenancyConfigRepresentation(roles, modules, config.invitationLifespanSeconds(),
                config.apiKeyPrefix(), config.invitationAllowDifferentEmail(), List.copyOf(config.apiKeyClients()),
                config.apiKeyIntrospectionClients() == null ? null : List.copyOf(config.apiKeyIntrospectionClients()),
                (long) config.invitationLimits().mailsPerSenderPerHour(),
                (long) config.invitationLimits().mailsPerTenantPerHour(),
                (long) config.invitationLimits().maxResends());
    }

    private static SortedMap<String, Set<TenancyPermission>> readRoles(
            Map<String, TenancyConfigRepresentation.Role> body) {
        SortedMap<String, Set<TenancyPermission>> roles = new TreeMap<>();
        Fields.names("roles", body, Fields.NAME, MAX_ROLES).forEach((role, definition) -> {
            if (definition == null) {
                throw TenancyException.invalid("'roles." + role + "' must be a JSON object");
            }
            List<String> labels = Fields.textList("roles." + role + ".permissions", definition.permissions(),
                    PERMISSION, 20);
            Set<TenancyPermission> permissions = EnumSet.noneOf(TenancyPermission.class);
            for (String label : labels == null ? List.<String>of() : labels) {
                permissions.add(TenancyPermission.parse(label).orElseThrow(() -> TenancyException.invalid(
                        "'roles." + role + ".permissions' has an unknown permission '" + label + "'")));
            }
            roles.put(role, permissions);
        });
        return roles;
    }

    private static SortedMap<String, SortedMap<String, ModuleLevel>> readModules(
            Map<String, Map<String, Object>> body, Set<String> roles) {
        SortedMap<String, SortedMap<String, ModuleLevel>> modules = new TreeMap<>();
        if (body == null) {
            return modules;
        }
        Fields.names("modules", body, Fields.NAME, MAX_MODULES).forEach((module, levels) -> {
            if (levels == null) {
                throw TenancyException.invalid("'modules." + module + "' must be a JSON object");
            }
            SortedMap<String, ModuleLevel> byRole = new TreeMap<>();
            Fields.names("modules." + module, levels, Fields.NAME, MAX_ROLES).forEach((role, level) -> {
                if (!roles.contains(role)) {
                    throw TenancyException.invalid("'modules." + module + "' names unknown role '" + role + "'");
                }
                byRole.put(role, readLevel(level, "modules." + module + "." + role));
            });
            modules.put(module, byRole);
        });
        return modules;
    }

    /** Reads a level such as {@code "write"}; the message names the field and the allowed values. */
    public static ModuleLevel readLevel(Object value, String field) {
        return (value instanceof String label ? ModuleLevel.parse(label) : Optional.<ModuleLevel>empty())
                .orElseThrow(() -> TenancyException.invalid("'" + field + "' must be one of none, read, write, admin"));
    }
}
