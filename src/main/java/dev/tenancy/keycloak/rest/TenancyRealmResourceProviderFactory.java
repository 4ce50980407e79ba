package dev.tenancy.keycloak.rest;

import dev.tenancy.keycloak.TenancyProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts the self-service API at {@code /realms/{realm}/tenancy}. */
public final class TenancyRealmResourceProviderFactory
        implements RealmResourceProviderFactory, TenancyProviderFactory<RealmResourceProvider> {

    static final String ID = "tenancy";

    private final SelfServiceCors.KnownOrigins knownOrigins = new SelfServiceCors.KnownOrigins();

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new TenancyRealmResource(session, knownOrigins);
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
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new TenancyRealmSetup(factory));
    }
}
