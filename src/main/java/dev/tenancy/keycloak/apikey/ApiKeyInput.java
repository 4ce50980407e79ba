package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.json.JsonInput;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A checked request for a new key: fields and limits. Tenant and scopes are checked against the owner later. */
record ApiKeyInput(String name, String tenantId, ApiKeyScopes scopes, Optional<Long> lifespanSeconds) {

    static final long MIN_LIFESPAN_SECONDS = 60;
    /** One scope's text; {@link ApiKeyScopes#parse} says what is wrong with it. */
    private static final Pattern SCOPE_TEXT = Pattern.compile("\\S{1,80}");
    static final long MAX_LIFESPAN_SECONDS = 2L * 366 * 24 * 3600;

    static ApiKeyInput read(JsonInput body) {
        body.allowOnly(Set.of("name", "tenantId", "scopes", "lifespanSeconds"));
        String name = body.requiredText("name", 255).strip();
        // Every key is bound to one tenant: it carries the owner's levels there, never those of another tenant.
        String tenantId = body.requiredText("tenantId", 36);
        List<String> scopes = body.optionalTextList("scopes", SCOPE_TEXT, ApiKeyScopes.MAX_SCOPES).orElse(List.of());
        Optional<Long> lifespan = body.optionalLong("lifespanSeconds", MIN_LIFESPAN_SECONDS, MAX_LIFESPAN_SECONDS);
        return new ApiKeyInput(name, tenantId, ApiKeyScopes.parse(scopes), lifespan);
    }

    /** The optional body of a rotation: how long the old key keeps working. */
    static long readGraceSeconds(String body) {
        if (body == null || body.isBlank()) {
            return ApiKeyService.DEFAULT_GRACE_SECONDS;
        }
        JsonInput input = JsonInput.parseObject(body).allowOnly(Set.of("gracePeriodSeconds"));
        return input.optionalLong("gracePeriodSeconds", 0, ApiKeyService.MAX_GRACE_SECONDS)
                .orElse(ApiKeyService.DEFAULT_GRACE_SECONDS);
    }
}
