package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.json.Fields;
import dev.tenancy.keycloak.json.JsonBodies;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A tenant body: {@code {"name", "alias", "description", "enabled"}}; absent fields are null. On update,
 * {@code id} and {@code alias} may be sent back as read, but not changed.
 */
public record TenantInput(String id, String name, String alias, String description, Boolean enabled)
        implements JsonBodies.Validated<TenantInput> {

    static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

    @Override
    public TenantInput validated() {
        String checkedAlias = Fields.text("alias", alias, 255);
        if (checkedAlias != null && !ALIAS.matcher(checkedAlias).matches()) {
            throw TenancyException.invalid("Field 'alias' must match " + ALIAS.pattern());
        }
        return new TenantInput(Fields.text("id", id, 36), Fields.requiredText("name", name, 255), checkedAlias,
                Fields.text("description", description, 4000), enabled);
    }

    /** A new tenant has no id yet, and needs an alias unless its name can be one. */
    public TenantInput forCreate() {
        if (id != null) {
            throw TenancyException.invalid("Unknown field 'id'");
        }
        if (alias == null && !ALIAS.matcher(name).matches()) {
            throw TenancyException.invalid("Field 'alias' is required when 'name' is not a valid alias ("
                    + ALIAS.pattern() + ")");
        }
        return this;
    }

    public TenantInput forUpdate(String tenantId) {
        if (id != null && !id.equals(tenantId)) {
            throw TenancyException.invalid("Field 'id' does not match the tenant in the path");
        }
        return this;
    }

    Optional<String> sentAlias() {
        return Optional.ofNullable(alias);
    }

    Optional<String> sentDescription() {
        return Optional.ofNullable(description);
    }

    Optional<Boolean> sentEnabled() {
        return Optional.ofNullable(enabled);
    }
}
