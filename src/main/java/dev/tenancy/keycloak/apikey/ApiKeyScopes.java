package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.config.ModuleLevel;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.json.Fields;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a key may do: module → highest level, from scopes written {@code <module>:<level>}. A key never
 * reaches further than its owner: {@link #cutTo} intersects it with what the owner holds at that moment.
 */
record ApiKeyScopes(SortedMap<String, ModuleLevel> levels) {

    static final int MAX_SCOPES = 100;

    ApiKeyScopes {
        levels = new TreeMap<>(levels);
    }

    /** Parses request scopes; a module named twice keeps its highest level. */
    static ApiKeyScopes parse(Collection<String> scopes) {
        SortedMap<String, ModuleLevel> levels = new TreeMap<>();
        for (String scope : scopes) {
            int colon = scope.indexOf(':');
            String module = colon < 0 ? scope : scope.substring(0, colon);
            ModuleLevel level = colon < 0 ? null : ModuleLevel.parse(scope.substring(colon + 1)).orElse(null);
            if (!Fields.NAME.matcher(module).matches() || level == null || level == ModuleLevel.NONE) {
                throw TenancyException.invalid("Field 'scopes' has an invalid entry '" + scope
                        + "'; expected <module>:<read|write|admin>");
            }
            levels.merge(module, level, ModuleLevel::max);
        }
        return new ApiKeyScopes(levels);
    }

    /** The stored form, e.g. {@code billing:read reports:write}. */
    static ApiKeyScopes ofStored(String stored) {
        SortedMap<String, ModuleLevel> levels = new TreeMap<>();
        for (String scope : stored.split(" ")) {
            int colon = scope.indexOf(':');
            if (colon > 0) {
                ModuleLevel.parse(scope.substring(colon + 1)).ifPresent(level -> levels.put(scope.substring(0, colon), level));
            }
        }
        return new ApiKeyScopes(levels);
    }

    String stored() {
        return levels.entrySet().stream().map(entry -> entry.getKey() + ":" + entry.getValue().label())
                .collect(Collectors.joining(" "));
    }

    /** Each module at the lower of the key's level and the owner's; modules the owner lacks drop out. */
    ApiKeyScopes cutTo(Map<String, ModuleLevel> owner) {
        SortedMap<String, ModuleLevel> cut = new TreeMap<>();
        levels.forEach((module, level) -> {
            ModuleLevel held = level.min(owner.getOrDefault(module, ModuleLevel.NONE));
            if (held != ModuleLevel.NONE) {
                cut.put(module, held);
            }
        });
        return new ApiKeyScopes(cut);
    }

    /** The scopes that reach beyond {@code owner}, for the message refusing them. */
    SortedMap<String, ModuleLevel> beyond(Map<String, ModuleLevel> owner) {
        SortedMap<String, ModuleLevel> beyond = new TreeMap<>();
        levels.forEach((module, level) -> {
            if (!owner.getOrDefault(module, ModuleLevel.NONE).includes(level)) {
                beyond.put(module, level);
            }
        });
        return beyond;
    }
}
