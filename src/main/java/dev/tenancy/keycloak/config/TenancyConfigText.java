package dev.tenancy.keycloak.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.json.JsonBodies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The line-based form of {@link TenancyConfig} that the admin-console tab edits: one role per line
 * ({@code admin: manage-members, view-members}) and one module per line
 * ({@code billing: admin=admin, operator=write}). It is checked by the same rules as the JSON form.
 */
public final class TenancyConfigText {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TenancyConfigText() {
    }

    /** The text fields of the tab, in the order the tab shows them. */
    public record Fields(String roles, String modules, String invitationLifespanSeconds, String apiKeyPrefix,
            String invitationAllowDifferentEmail, String apiKeyClients) {
    }

    public static TenancyConfig parse(Fields fields) {
        ObjectNode body = JSON.objectNode();
        ObjectNode roles = body.putObject("roles");
        for (Line line : lines("roles", fields.roles())) {
            ObjectNode role = JSON.objectNode();
            List<String> permissions = line.items();
            role.putArray("permissions").addAll(permissions.stream().map(JSON::textNode).toList());
            requireFirst(roles, "roles", line);
            roles.set(line.name(), role);
        }
        ObjectNode modules = body.putObject("modules");
        for (Line line : lines("modules", fields.modules())) {
            ObjectNode levels = JSON.objectNode();
            for (String item : line.items()) {
                String[] roleAndLevel = item.split("=", -1);
                if (roleAndLevel.length != 2) {
                    throw TenancyException.invalid("modules line " + line.number() + ": '" + item
                            + "' must be role=level");
                }
                levels.put(roleAndLevel[0].strip(), roleAndLevel[1].strip());
            }
            requireFirst(modules, "modules", line);
            modules.set(line.name(), levels);
        }
        if (!isBlank(fields.invitationLifespanSeconds())) {
            try {
                body.put("invitationLifespanSeconds", Long.parseLong(fields.invitationLifespanSeconds().strip()));
            } catch (NumberFormatException e) {
                throw TenancyException.invalid("Field 'invitationLifespanSeconds' must be a whole number");
            }
        }
        if (!isBlank(fields.apiKeyPrefix())) {
            body.put("apiKeyPrefix", fields.apiKeyPrefix().strip());
        }
        if (!isBlank(fields.invitationAllowDifferentEmail())) {
            String allow = fields.invitationAllowDifferentEmail().strip();
            if (!allow.equals("true") && !allow.equals("false")) {
                throw TenancyException.invalid("Field 'invitationAllowDifferentEmail' must be true or false");
            }
            body.put("invitationAllowDifferentEmail", Boolean.parseBoolean(allow));
        }
        if (!isBlank(fields.apiKeyClients())) {
            var clients = body.putArray("apiKeyClients");
            for (String client : fields.apiKeyClients().split(",")) {
                if (!client.isBlank()) {
                    clients.add(client.strip());
                }
            }
        }
        return TenancyConfigJson.read(JsonBodies.convert(body, "", TenancyConfigRepresentation.class));
    }

    public static Fields format(TenancyConfig config) {
        String roles = config.roles().entrySet().stream()
                .map(role -> role.getKey() + ": " + role.getValue().stream().sorted()
                        .map(TenancyPermission::label).collect(Collectors.joining(", ")))
                .map(String::stripTrailing)
                .collect(Collectors.joining("\n"));
        String modules = config.modules().entrySet().stream()
                .map(module -> module.getKey() + ": " + module.getValue().entrySet().stream()
                        .map(level -> level.getKey() + "=" + level.getValue().label())
                        .collect(Collectors.joining(", ")))
                .map(String::stripTrailing)
                .collect(Collectors.joining("\n"));
        return new Fields(roles, modules, Long.toString(config.invitationLifespanSeconds()), config.apiKeyPrefix(),
                Boolean.toString(config.invitationAllowDifferentEmail()), String.join(", ", config.apiKeyClients()));
    }

    private record Line(int number, String name, List<String> items) {
    }

    private static List<Line> lines(String field, String text) {
        List<Line> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        String[] raw = text.split("\\R");
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw TenancyException.invalid(field + " line " + (i + 1) + ": expected 'name: …', got '"
                        + (line.length() > 40 ? line.substring(0, 40) + "…" : line) + "'");
            }
            List<String> items = new ArrayList<>();
            for (String item : line.substring(colon + 1).split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
            lines.add(new Line(i + 1, line.substring(0, colon).strip(), items));
        }
        return lines;
    }

    private static void requireFirst(ObjectNode seen, String field, Line line) {
        if (seen.has(line.name())) {
            throw TenancyException.invalid(field + " line " + line.number() + ": '" + line.name()
                    + "' appears twice");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** Reads the fields from a component's config, where every value is a list. */
    public static Fields fieldsOf(Map<String, List<String>> config) {
        return new Fields(first(config, "roles"), first(config, "modules"),
                first(config, "invitationLifespanSeconds"), first(config, "apiKeyPrefix"),
                first(config, "invitationAllowDifferentEmail"), first(config, "apiKeyClients"));
    }

    private static String first(Map<String, List<String>> config, String key) {
        List<String> values = config.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
