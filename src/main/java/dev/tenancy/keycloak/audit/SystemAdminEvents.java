package dev.tenancy.keycloak.audit;

import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Admin events of changes no one requested, such as a scheduled task's: Keycloak's builder wants an admin (a user
 * and a client) behind every event, these name only the realm, with no user, client or address.
 */
final class SystemAdminEvents extends AdminEventBuilder {

    SystemAdminEvents(KeycloakSession session, RealmModel realm) {
        super(realm, null, session, null, prepared(realm));
    }

    /** The same kind of builder in another session; the event is described anew after a clone. */
    @Override
    public AdminEventBuilder clone(KeycloakSession session) {
        return new SystemAdminEvents(session, session.realms().getRealm(realm.getId()));
    }

    private static AdminEvent prepared(RealmModel realm) {
        AuthDetails auth = new AuthDetails();
        auth.setRealmId(realm.getId());
        auth.setRealmName(realm.getName());
        AdminEvent event = new AdminEvent();
        event.setRealmId(realm.getId());
        event.setRealmName(realm.getName());
        event.setAuthDetails(auth);
        return event;
    }
}
