package dev.tenancy.keycloak.support.probe;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Test-only, in {@code tenancy-probe.jar}: runs a task registered with Keycloak's timer now, at
 * {@code POST /realms/{realm}/tenancy-probe-tasks/{name}}, so a test need not wait for its interval. Never shipped.
 */
public final class ScheduledTaskProbeResourceProviderFactory implements RealmResourceProviderFactory {

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new ScheduledTaskProbeResource(session);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String getId() {
        return "tenancy-probe-tasks";
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
