package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.json.JsonInput;
import dev.tenancy.keycloak.error.TenancyException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated tenant body: {@code {"name", "alias", "description", "enabled"}}. On update, {@code id} and
 * {@code alias} may be sent back as read, but not changed.
 */
public record TenantInput(String name, Optional<String> alias, Optional<String> description, Optional<Boolean> enabled) {

    static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

    public static TenantInput forCreate(JsonInput body) {
        body.allowOnly(Set.of("name", "alias", "description", "enabled"));
        TenantInput input = read(body);
        if (input.alias().isEmpty() && !ALIAS.matcher(input.name()).matches()) {
            throw TenancyException.invalid("Field 'alias' is required when 'name' is not a valid alias ("
                    + ALIAS.pattern() + ")");
        }
        return input;
    }

    public static TenantInput forUpdate(JsonInput body, String tenantId) {
        body.allowOnly(Set.of("id", "name", "alias", "description", "enabled"));
        if (body.optionalText("id", 36).filter(id -> !id.equals(tenantId)).isPresent()) {
            throw TenancyException.invalid("Field 'id' does not match the tenant in the path");
        }
        return read(body);
    }

    private static TenantInput read(JsonInput body) {
        String name = body.requiredText("name", 255);
        Optional<String> alias = body.optionalText("alias", 255);
        if (alias.isPresent() && !ALIAS.matcher(alias.get()).matches()) {
            throw TenancyException.invalid("Field 'alias' must match " + ALIAS.pattern());
        }
        return new TenantInput(name, alias, body.optionalText("description", 4000), body.optionalBoolean("enabled"));
    }
}
