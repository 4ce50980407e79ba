package dev.tenancy.keycloak.jpa;

import dev.tenancy.keycloak.TenancyVersion;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * Registers the tenancy tables. The id also names Keycloak's changelog history table
 * ({@code DATABASECHANGELOG_TENANCY_EN}): it must never change.
 */
public final class TenancyJpaEntityProviderFactory implements JpaEntityProviderFactory, ServerInfoAwareProviderFactory {

    static final String ID = "tenancy-entities";

    private static final JpaEntityProvider PROVIDER = new TenancyJpaEntityProvider();

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
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

    @Override
    public Map<String, String> getOperationalInfo() {
        return TenancyVersion.operationalInfo();
    }
}
