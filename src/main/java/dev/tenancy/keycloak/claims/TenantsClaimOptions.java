package dev.tenancy.keycloak.claims;

import dev.tenancy.keycloak.tenant.TenantsClaimShape;
import java.util.Map;
import java.util.Optional;

/**
 * How the mapper writes {@code tenants}: the shape of each entry and how many tenants it lists at most. The
 * defaults keep the access token of a user in any number of tenants under the 8 KB header buffer of common
 * proxies (docs/claims.md has the arithmetic).
 */
public record TenantsClaimOptions(TenantsClaimShape shape, int limit) {

    static final String SHAPE = "tenancy.claim.tenants.shape";
    static final String LIMIT = "tenancy.claim.tenants.limit";
    static final int MAX_LIMIT = 250;
    static final String SHAPE_PROBLEM = "Tenancy claims: the shape of the tenants claim must be one of "
            + TenantsClaimShape.labels();
    static final String LIMIT_PROBLEM = "Tenancy claims: the limit of the tenants claim must be a whole number from 1 to "
            + MAX_LIMIT;
    public static final TenantsClaimOptions DEFAULT = new TenantsClaimOptions(TenantsClaimShape.ROLES, 50);

    public TenantsClaimOptions {
        if (shape == null) {
            throw new IllegalArgumentException("a shape is required: " + TenantsClaimShape.labels());
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(LIMIT_PROBLEM);
        }
    }

    /**
     * The options of a stored mapper; an option not set takes its default. A value the admin API would refuse
     * (a realm imported by hand) takes the default as well: the token is still issued, and bounded.
     */
    static TenantsClaimOptions of(Map<String, String> config) {
        TenantsClaimShape shape = shape(config.get(SHAPE)).orElse(DEFAULT.shape());
        int limit = limit(config.get(LIMIT)).orElse(DEFAULT.limit());
        return new TenantsClaimOptions(shape, limit);
    }

    /**
     * What is wrong with the options of this configuration, if anything: a message for the admin. Keycloak
     * formats it with {@code MessageFormat}, so it holds no apostrophe, no brace and not the value given.
     */
    static Optional<String> problem(Map<String, String> config) {
        String shape = config.get(SHAPE);
        if (isSet(shape) && shape(shape).isEmpty()) {
            return Optional.of(SHAPE_PROBLEM);
        }
        String limit = config.get(LIMIT);
        if (isSet(limit) && limit(limit).isEmpty()) {
            return Optional.of(LIMIT_PROBLEM);
        }
        return Optional.empty();
    }

    void writeTo(Map<String, String> config) {
        config.put(SHAPE, shape.label());
        config.put(LIMIT, Integer.toString(limit));
    }

    private static Optional<TenantsClaimShape> shape(String value) {
        return isSet(value) ? TenantsClaimShape.named(value.strip()) : Optional.empty();
    }

    private static Optional<Integer> limit(String value) {
        if (!isSet(value)) {
            return Optional.empty();
        }
        try {
            int limit = Integer.parseInt(value.strip());
            return limit >= 1 && limit <= MAX_LIMIT ? Optional.of(limit) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
