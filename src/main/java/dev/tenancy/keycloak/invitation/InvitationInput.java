package dev.tenancy.keycloak.invitation;

import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.json.JsonInput;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.keycloak.utils.EmailValidationUtil;

/**
 * A checked request to invite someone: fields and their limits only. Whether the roles, groups and client
 * exist and whether the caller may hand them out is the service's job.
 *
 * @param lifespanSeconds empty for the realm's default
 */
record InvitationInput(
        String email,
        Set<String> roles,
        Set<String> groupPaths,
        Optional<Long> lifespanSeconds,
        boolean sendEmail,
        Optional<String> locale,
        Optional<String> clientId,
        Optional<String> redirectUri) {

    static final long MIN_LIFESPAN_SECONDS = 60;
    static final long MAX_LIFESPAN_SECONDS = 30L * 24 * 3600;
    private static final Pattern GROUP_PATH = Pattern.compile("/[^\\p{Cntrl}]{1,1000}");
    private static final Pattern LOCALE = Pattern.compile("[a-zA-Z]{2,8}(-[a-zA-Z0-9]{1,8}){0,3}");
    private static final Set<String> FIELDS = Set.of("email", "roles", "groups", "lifespanSeconds", "sendEmail",
            "locale", "clientId", "redirectUri");

    static InvitationInput read(JsonInput body) {
        body.allowOnly(FIELDS);
        String email = body.requiredText("email", 254).strip().toLowerCase(Locale.ROOT);
        if (!EmailValidationUtil.isValidEmail(email)) {
            throw TenancyException.invalid("Field 'email' is not a valid email address");
        }
        Set<String> roles = new LinkedHashSet<>(body.optionalTextList("roles", JsonInput.NAME, 50).orElse(List.of()));
        Set<String> groups = new LinkedHashSet<>(body.optionalTextList("groups", GROUP_PATH, 20).orElse(List.of()));
        Optional<Long> lifespan = body.optionalLong("lifespanSeconds", MIN_LIFESPAN_SECONDS, MAX_LIFESPAN_SECONDS);
        boolean sendEmail = body.optionalBoolean("sendEmail").orElse(true);
        Optional<String> locale = body.optionalText("locale", 35);
        if (locale.isPresent() && !LOCALE.matcher(locale.get()).matches()) {
            throw TenancyException.invalid("Field 'locale' must be a language tag such as 'en' or 'de'");
        }
        Optional<String> clientId = body.optionalText("clientId", 255);
        Optional<String> redirectUri = body.optionalText("redirectUri", 2048);
        if (redirectUri.isPresent() && clientId.isEmpty()) {
            throw TenancyException.invalid("Field 'redirectUri' needs 'clientId'");
        }
        return new InvitationInput(email, roles, groups, lifespan, sendEmail, locale, clientId, redirectUri);
    }

    /** The optional body of a resend: only whether to mail the new link. */
    static boolean readSendEmail(String body) {
        if (body == null || body.isBlank()) {
            return true;
        }
        JsonInput input = JsonInput.parseObject(body).allowOnly(Set.of("sendEmail"));
        return input.optionalBoolean("sendEmail").orElse(true);
    }
}
