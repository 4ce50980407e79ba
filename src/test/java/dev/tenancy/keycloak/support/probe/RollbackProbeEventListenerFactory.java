package dev.tenancy.keycloak.support.probe;

import org.keycloak.Config;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Test-only, in {@code tenancy-probe.jar}: the event listener {@value #ID}, which makes the request of every
 * successful {@code INVITE_ORG} event (an accepted invitation) roll back, as a failing commit would, in a realm
 * that lists it. Lets a test accept an invitation that then does not happen. Never shipped.
 */
public final class RollbackProbeEventListenerFactory implements EventListenerProviderFactory {

    public static final String ID = "tenancy-probe-rollback";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new EventListenerProvider() {
            @Override
            public void onEvent(Event event) {
                if (event.getType() == EventType.INVITE_ORG) {
                    session.getTransactionManager().setRollbackOnly();
                }
            }

            @Override
            public void onEvent(AdminEvent event, boolean includeRepresentation) {
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
