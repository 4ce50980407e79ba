package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.json.Fields;
import dev.tenancy.keycloak.json.JsonBodies;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The body of a new key: {@code {"name", "tenantId", "scopes", "lifespanSeconds"}}, fields and limits only.
 * Tenant and scopes are checked against the owner later.
 */
record ApiKeyInput(String name, String tenantId, List<String> scopes, Long lifespanSeconds)
        implements JsonBodies.Validated<ApiKeyInput> {

    static final long MIN_LIFESPAN_SECONDS = 60;
    /** One scope's text; {@link ApiKeyScopes#parse} says what is wrong with it. */
    private static final Pattern SCOPE_TEXT = Pattern.compile("\\S{1,80}");
    static final long MAX_LIFESPAN_SECONDS = 2L * 366 * 24 * 3600;

    @Override
    public ApiKeyInput validated() {
        String checkedName = Fields.requiredText("name", name, 255);
        // Every key is bound to one tenant: it carries the owner's levels there, never those of another tenant.
        String checkedTenant = Fields.requiredText("tenantId", tenantId, 36);
        List<String> checkedScopes = Fields.textList("scopes", scopes, SCOPE_TEXT, ApiKeyScopes.MAX_SCOPES);
        ApiKeyScopes.parse(checkedScopes == null ? List.of() : checkedScopes);
        return new ApiKeyInput(checkedName, checkedTenant, checkedScopes == null ? List.of() : checkedScopes,
                Fields.range("lifespanSeconds", lifespanSeconds, MIN_LIFESPAN_SECONDS, MAX_LIFESPAN_SECONDS));
    }

    ApiKeyScopes scopeLevels() {
        return ApiKeyScopes.parse(scopes);
    }

    Optional<Long> lifespan() {
        return Optional.ofNullable(lifespanSeconds);
    }

    /** The optional body of a rotation: how long the old key keeps working. */
    record Rotation(Long gracePeriodSeconds) implements JsonBodies.Validated<Rotation> {

        @Override
        public Rotation validated() {
            return new Rotation(Fields.range("gracePeriodSeconds", gracePeriodSeconds, 0,
                    ApiKeyService.MAX_GRACE_SECONDS));
        }

        static long graceSeconds(byte[] body) {
            return JsonBodies.readOptional(body, Rotation.class).map(Rotation::gracePeriodSeconds)
                    .orElse(ApiKeyService.DEFAULT_GRACE_SECONDS);
        }
    }
}
