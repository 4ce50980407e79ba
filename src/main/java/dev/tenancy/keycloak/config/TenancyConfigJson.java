package dev.tenancy.keycloak.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.json.JsonInput;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    public static TenancyConfig read(JsonInput body) {
        body.allowOnly(Set.of("roles", "modules", "invitationLifespanSeconds", "apiKeyPrefix",
                "invitationAllowDifferentEmail", "apiKeyClients", "apiKeyIntrospectionClients",
                "invitationMailsPerSenderPerHour", "invitationMailsPerTenantPerHour", "invitationMaxResends"));
        if (!body.has("roles")) {
            throw TenancyException.invalid("Field 'roles' is required");
        }
        SortedMap<String, Set<TenancyPermission>> roles = readRoles(body);
        if (roles.isEmpty()) {
            throw TenancyException.invalid("Field 'roles' must name at least one role");
        }
        SortedMap<String, SortedMap<String, ModuleLevel>> modules = readModules(body, roles.keySet());
        long lifespan = body.optionalLong("invitationLifespanSeconds", MIN_LIFESPAN_SECONDS, MAX_LIFESPAN_SECONDS)
                .orElse(TenancyConfig.DEFAULT_INVITATION_LIFESPAN_SECONDS);
        String prefix = body.optionalText("apiKeyPrefix", 16).orElse(TenancyConfig.DEFAULT_API_KEY_PREFIX);
        if (!API_KEY_PREFIX.matcher(prefix).matches()) {
            throw TenancyException.invalid("Field 'apiKeyPrefix' must match " + API_KEY_PREFIX.pattern());
        }
        boolean allowDifferentEmail = body.optionalBoolean("invitationAllowDifferentEmail").orElse(false);
        SortedSet<String> apiKeyClients = new TreeSet<>(body.optionalTextList("apiKeyClients", CLIENT_ID, 100)
                .orElse(List.of()));
        SortedSet<String> introspectionClients = body.optionalTextList("apiKeyIntrospectionClients", CLIENT_ID, 100)
                .<SortedSet<String>>map(TreeSet::new).orElse(null);
        InvitationLimits defaults = InvitationLimits.DEFAULTS;
        InvitationLimits limits = new InvitationLimits(
                count(body, "invitationMailsPerSenderPerHour", 1, defaults.mailsPerSenderPerHour()),
                count(body, "invitationMailsPerTenantPerHour", 1, defaults.mailsPerTenantPerHour()),
                count(body, "invitationMaxResends", 0, defaults.maxResends()));
        return new TenancyConfig(roles, modules, lifespan, prefix, allowDifferentEmail, apiKeyClients,
                introspectionClients, limits);
    }

    private static int count(JsonInput body, String field, int min, int fallback) {
        return body.optionalLong(field, min, MAX_COUNT).map(Long::intValue).orElse(fallback);
    }

    public static Map<String, Object> write(TenancyConfig config) {
        Map<String, Object> roles = new LinkedHashMap<>();
        config.roles().forEach((role, permissions) -> roles.put(role, Map.of("permissions",
                permissions.stream().sorted().map(TenancyPermission::label).toList())));
        Map<String, Object> modules = new LinkedHashMap<>();
        config.modules().forEach((module, levels) -> modules.put(module, ModuleLevel.labels(levels)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("roles", roles);
        json.put("modules", modules);
        json.put("invitationLifespanSeconds", config.invitationLifespanSeconds());
        json.put("apiKeyPrefix", config.apiKeyPrefix());
        json.put("invitationAllowDifferentEmail", config.invitationAllowDifferentEmail());
        json.put("apiKeyClients", List.copyOf(config.apiKeyClients()));
        if (config.apiKeyIntrospectionClients() != null) {
            json.put("apiKeyIntrospectionClients", List.copyOf(config.apiKeyIntrospectionClients()));
        }
        json.put("invitationMailsPerSenderPerHour", config.invitationLimits().mailsPerSenderPerHour());
        json.put("invitationMailsPerTenantPerHour", config.invitationLimits().mailsPerTenantPerHour());
        json.put("invitationMaxResends", config.invitationLimits().maxResends());
        return json;
    }

    private static SortedMap<String, Set<TenancyPermission>> readRoles(JsonInput body) {
        SortedMap<String, Set<TenancyPermission>> roles = new TreeMap<>();
        body.optionalObjectEntries("roles", JsonInput.NAME, MAX_ROLES).forEach((role, definition) -> {
            JsonInput roleInput = JsonInput.of(definition, "roles." + role).allowOnly(Set.of("permissions"));
            List<String> labels = roleInput.optionalTextList("permissions", PERMISSION, 20).orElse(List.of());
            Set<TenancyPermission> permissions = EnumSet.noneOf(TenancyPermission.class);
            for (String label : labels) {
                permissions.add(TenancyPermission.parse(label).orElseThrow(() -> TenancyException.invalid(
                        "'roles." + role + ".permissions' has an unknown permission '" + label + "'")));
            }
            roles.put(role, permissions);
        });
        return roles;
    }

    private static SortedMap<String, SortedMap<String, ModuleLevel>> readModules(JsonInput body, Set<String> roles) {
        SortedMap<String, SortedMap<String, ModuleLevel>> modules = new TreeMap<>();
        body.optionalObjectEntries("modules", JsonInput.NAME, MAX_MODULES).forEach((module, levels) -> {
            JsonInput moduleInput = JsonInput.of(levels, "modules." + module);
            SortedMap<String, ModuleLevel> byRole = new TreeMap<>();
            moduleInput.entries(JsonInput.NAME, MAX_ROLES).forEach((role, level) -> {
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
    public static ModuleLevel readLevel(JsonNode value, String field) {
        if (value == null || !value.isTextual()) {
            throw TenancyException.invalid("'" + field + "' must be one of none, read, write, admin");
        }
        return ModuleLevel.parse(value.textValue()).orElseThrow(() -> TenancyException.invalid(
                "'" + field + "' must be one of none, read, write, admin"));
    }
}
