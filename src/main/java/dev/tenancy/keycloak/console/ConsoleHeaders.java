package dev.tenancy.keycloak.console;

import jakarta.ws.rs.core.Response;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.BrowserSecurityHeaders;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The headers every answer of the console carries. The policy allows scripts, styles and connections from this
 * server only — no inline script, no inline style, no eval — and no framing, so the console cannot be clickjacked
 * and an injected string cannot run. Keycloak's own security headers would replace this policy with the realm's
 * (which allows inline script for the login pages), so they are skipped here, keeping the realm's HSTS and robots
 * settings.
 */
final class ConsoleHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'");

    private ConsoleHeaders() {
    }

    static Response.ResponseBuilder secure(KeycloakSession session, RealmModel realm, Response.ResponseBuilder response) {
        session.getProvider(SecurityHeadersProvider.class).options().skipHeaders();
        realmValue(realm, BrowserSecurityHeaders.STRICT_TRANSPORT_SECURITY, response);
        realmValue(realm, BrowserSecurityHeaders.X_ROBOTS_TAG, response);
        return response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }

    private static void realmValue(RealmModel realm, BrowserSecurityHeaders header, Response.ResponseBuilder response) {
        String value = realm.getBrowserSecurityHeaders().getOrDefault(header.getKey(), header.getDefaultValue());
        if (value != null && !value.isEmpty()) {
            response.header(header.getHeaderName(), value);
        }
    }
}
