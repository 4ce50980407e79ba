package dev.tenancy.keycloak.audit;

import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Admin events of changes no admin requested: a scheduled task's (naming only the realm, with no user, client or
 * address), or a user's own doing at sign-in (naming that user, the client and the address). Keycloak's builder wants
 * an admin behind every event, taken from an admin request's token.
 */
final class SystemAdminEvents extends AdminEventBuilder {

    private final AuthDetails by;

    SystemAdminEvents(KeycloakSession session, RealmModel realm, AuthDetails by) {
        super(realm, null, session, by.getIpAddress(), prepared(realm, by));
        this.by = by;
    }

    /** The same kind of builder in another session; the event is described anew after a clone. */
    @Override
    public AdminEventBuilder clone(KeycloakSession session) {
        return new SystemAdminEvents(session, session.realms().getRealm(realm.getId()), by);
    }

    /** Who acts: nobody ({@code userId} null) or a user of the realm, through a client, from an address. */
    static AuthDetails actor(RealmModel realm, String userId, String clientId, String ipAddress) {
        AuthDetails auth = new AuthDetails();
        auth.setRealmId(realm.getId());
        auth.setRealmName(realm.getName());
        auth.setUserId(userId);
        auth.setClientId(clientId);
        auth.setIpAddress(ipAddress);
        return auth;
    }

    private static AdminEvent prepared(RealmModel realm, AuthDetails by) {
        AuthDetails auth = new AuthDetails();
        auth.setRealmId(by.getRealmId());
        auth.setRealmName(by.getRealmName());
        auth.setUserId(by.getUserId());
        auth.setClientId(by.getClientId());
        auth.setIpAddress(by.getIpAddress());
        AdminEvent event = new AdminEvent();
        event.setRealmId(realm.getId());
        event.setRealmName(realm.getName());
        event.setAuthDetails(auth);
        return event;
    }
}
