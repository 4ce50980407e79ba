package dev.tenancy.keycloak.invitation;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;
import org.keycloak.theme.beans.MessageFormatterMethod;
import org.keycloak.theme.freemarker.FreeMarkerProvider;

/**
 * The invitation mail: HTML and plain text from the templates {@code tenancy-invitation.ftl} of the realm's
 * email theme (the jar ships them as theme resources, so every email theme has them), sent through the
 * realm's SMTP settings. A failure is reported, never thrown: the invitation stays usable.
 */
final class InvitationMail {

    private static final Logger LOG = Logger.getLogger(InvitationMail.class);
    static final String TEMPLATE = "tenancy-invitation.ftl";

    private final KeycloakSession session;
    private final RealmModel realm;

    InvitationMail(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** What became of a send: sent, or the reason it was not. */
    record Outcome(boolean sent, String error) {

        static Outcome ok() {
            return new Outcome(true, null);
        }

        static Outcome failed(String error) {
            return new Outcome(false, error);
        }
    }

    /**
     * Sends the mail. {@code forAdmin}: the caller is a realm admin, who may read why a send failed and may
     * invite without mail; tenant members get neither (the SMTP error can name internal hosts).
     */
    Outcome send(String address, Locale locale, String tenantName, String inviterName, List<String> roles,
            long expiresAt, String link, boolean forAdmin) {
        Map<String, String> smtp = realm.getSmtpConfig();
        if (smtp == null || smtp.get("host") == null || smtp.get("host").isBlank()) {
            return Outcome.failed(noSmtp(forAdmin));
        }
        try {
            Theme theme = session.theme().getTheme(Theme.Type.EMAIL);
            Properties messages = theme.getEnhancedMessages(realm, locale);
            String realmName = realm.getDisplayName() == null || realm.getDisplayName().isBlank()
                    ? realm.getName() : realm.getDisplayName();
            String expiry = InvitationPageBean.expiry(expiresAt, locale);

            Map<String, Object> attributes = new HashMap<>();
            attributes.put("locale", locale);
            attributes.put("ltr", true);
            attributes.put("msg", new MessageFormatterMethod(locale, messages));
            attributes.put("properties", theme.getProperties());
            attributes.put("realmName", realmName);
            attributes.put("tenantName", tenantName);
            attributes.put("inviterName", inviterName);
            attributes.put("roles", roles);
            attributes.put("expiry", expiry);
            attributes.put("link", link);
            String subject = new MessageFormat(messages.getProperty("tenancyInvitationSubject",
                    "Invitation to {0}"), locale).format(new Object[] {tenantName, realmName});
            attributes.put("subject", subject);

            FreeMarkerProvider freeMarker = session.getProvider(FreeMarkerProvider.class);
            String text = freeMarker.processTemplate(attributes, "text/" + TEMPLATE, theme);
            String html = freeMarker.processTemplate(attributes, "html/" + TEMPLATE, theme);
            session.getProvider(EmailSenderProvider.class).send(smtp, address, subject, text, html);
            return Outcome.ok();
        } catch (EmailException e) {
            LOG.warnf("Invitation mail for realm %s could not be sent: %s", realm.getName(), rootMessage(e));
            return Outcome.failed(notSent(forAdmin, rootMessage(e)));
        } catch (Exception e) {
            LOG.warnf(e, "Invitation mail for realm %s could not be prepared", realm.getName());
            return Outcome.failed("The invitation was saved but the email could not be prepared; resend it later");
        }
    }

    /** Only admins may invite without mail; members get 403 for it, so they are not told to try. */
    static String noSmtp(boolean forAdmin) {
        return "The realm has no SMTP server configured; the invitation was saved, resend it once email works"
                + (forAdmin ? " or create it with \"sendEmail\": false" : "");
    }

    /** The SMTP cause can name internal hosts and ports: for realm admins only (it is logged either way). */
    static String notSent(boolean forAdmin, String cause) {
        return forAdmin
                ? "The invitation was saved but the email could not be sent (" + cause + "); resend it later"
                : "The invitation was saved but the email could not be sent; the realm's administrators can see"
                        + " why in the server log. Resend it later";
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
