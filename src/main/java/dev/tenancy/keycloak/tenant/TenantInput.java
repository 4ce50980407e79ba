package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.json.JsonInput;
import dev.tenancy.keycloak.error.TenancyException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A validated tenant body: {@code {"name", "alias", "description", "enabled"}}. */
public record TenantInput(String name, Optional<String> alias, Optional<String> description, Optional<Boolean> enabled) {

    static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

    public static TenantInput read(JsonInput body) {
        body.allowOnly(Set.of("id", "name", "alias", "description", "enabled"));
        String name = body.requiredText("name", 255);
        Optional<String> alias = body.optionalText("alias", 255);
        if (alias.isPresent() && !ALIAS.matcher(alias.get()).matches()) {
            throw TenancyException.badRequest("Field 'alias' must match " + ALIAS.pattern());
        }
        if (alias.isEmpty() && !ALIAS.matcher(name).matches()) {
            throw TenancyException.badRequest("Field 'alias' is required when 'name' is not a valid alias ("
                    + ALIAS.pattern() + ")");
        }
        return new TenantInput(name, alias, body.optionalText("description", 4000), body.optionalBoolean("enabled"));
    }
}
