package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.json.Fields;
import dev.tenancy.keycloak.json.JsonBodies;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The body that sets a member's roles, or the roles an approved request to join gives: {@code {"roles": ["admin"]}};
 * an empty list keeps the member without roles.
 */
public record RolesInput(List<String> roles) implements JsonBodies.Validated<RolesInput> {

    private static final int MAX_ROLES = 50;

    @Override
    public RolesInput validated() {
        if (roles == null) {
            throw Fields.required("roles");
        }
        return new RolesInput(Fields.textList("roles", roles, Fields.NAME, MAX_ROLES));
    }

    public Set<String> asSet() {
        return new LinkedHashSet<>(roles);
    }
}
