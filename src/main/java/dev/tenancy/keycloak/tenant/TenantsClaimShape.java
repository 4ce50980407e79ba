package dev.tenancy.keycloak.tenant;

import java.util.Arrays;
import java.util.Optional;

/**
 * What each entry of the {@code tenants} claim holds. The claim is an object keyed by alias in every shape, so
 * {@code alias in tenants} tells membership whatever the shape, and {@code tenants.<alias>.roles} works in two.
 */
public enum TenantsClaimShape {

    /** {@code {"id", "name", "roles", "modules"}}: grows with the realm's modules. */
    FULL("full"),
    /** {@code {"roles"}}: the tenant roles only. */
    ROLES("roles"),
    /** {@code {}}: the alias alone. */
    ALIASES("aliases");

    private final String label;

    TenantsClaimShape(String label) {
        this.label = label;
    }

    /** The name in the mapper's configuration. */
    public String label() {
        return label;
    }

    public static Optional<TenantsClaimShape> named(String label) {
        return Arrays.stream(values()).filter(shape -> shape.label.equals(label)).findFirst();
    }

    /** The names, for messages and the admin console's list. */
    public static String labels() {
        return String.join(", ", Arrays.stream(values()).map(TenantsClaimShape::label).toList());
    }
}
