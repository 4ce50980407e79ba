package dev.tenancy.keycloak.rest;

import dev.tenancy.keycloak.TenancyProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/** Mounts the admin API at {@code /admin/realms/{realm}/tenancy}. */
public final class TenancyAdminResourceProviderFactory
        implements AdminRealmResourceProviderFactory, TenancyProviderFactory<AdminRealmResourceProvider> {

    static final String ID = "tenancy";

    private static final AdminRealmResourceProvider PROVIDER = new TenancyAdminResourceProvider();

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public String getId() {
        return ID;
    }
}
