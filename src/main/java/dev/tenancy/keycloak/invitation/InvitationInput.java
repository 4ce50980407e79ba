package dev.tenancy.keycloak.invitation;

import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.json.Fields;
import dev.tenancy.keycloak.json.JsonBodies;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.keycloak.utils.EmailValidationUtil;

/**
 * A checked request to invite someone, read from its {@link Body}: fields and their limits only. Whether the roles, groups and client
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

    /**
     * The body as sent: {@code {"email", "roles", "groups", "lifespanSeconds", "sendEmail", "locale", "clientId",
     * "redirectUri"}}.
     */
    record Body(String email, List<String> roles, List<String> groups, Long lifespanSeconds, Boolean sendEmail,
            String locale, String clientId, String redirectUri) {
    }

    /** The optional body of a resend: only whether to mail the new link. */
    record Resend(Boolean sendEmail) {
    }

    static InvitationInput read(byte[] json) {
        Body body = JsonBodies.read(json, Body.class);
        String email = Fields.requiredText("email", body.email(), 254).toLowerCase(Locale.ROOT);
        if (!EmailValidationUtil.isValidEmail(email)) {
            throw TenancyException.invalid("Field 'email' is not a valid email address");
        }
        Set<String> roles = new LinkedHashSet<>(orEmpty(Fields.textList("roles", body.roles(), Fields.NAME, 50)));
        Set<String> groups = new LinkedHashSet<>(orEmpty(Fields.textList("groups", body.groups(), GROUP_PATH, 20)));
        Optional<Long> lifespan = Optional.ofNullable(
                Fields.range("lifespanSeconds", body.lifespanSeconds(), MIN_LIFESPAN_SECONDS, MAX_LIFESPAN_SECONDS));
        boolean sendEmail = body.sendEmail() == null || body.sendEmail();
        Optional<String> locale = Optional.ofNullable(Fields.text("locale", body.locale(), 35));
        if (locale.isPresent() && !LOCALE.matcher(locale.get()).matches()) {
            throw TenancyException.invalid("Field 'locale' must be a language tag such as 'en' or 'de'");
        }
        Optional<String> clientId = Optional.ofNullable(Fields.text("clientId", body.clientId(), 255));
        Optional<String> redirectUri = Optional.ofNullable(Fields.text("redirectUri", body.redirectUri(), 2048));
        if (redirectUri.isPresent() && clientId.isEmpty()) {
            throw TenancyException.invalid("Field 'redirectUri' needs 'clientId'");
        }
        return new InvitationInput(email, roles, groups, lifespan, sendEmail, locale, clientId, redirectUri);
    }

    /** Whether a resend mails the new link: yes unless the body says {@code "sendEmail": false}. */
    static boolean readSendEmail(byte[] body) {
        return JsonBodies.readOptional(body, Resend.class).map(Resend::sendEmail).orElse(true);
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
