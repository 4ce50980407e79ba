package dev.tenancy.keycloak.rest;

import dev.tenancy.keycloak.TenancyVersion;
import dev.tenancy.keycloak.audit.TenancyAudit;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/** Mounts the admin API at {@code /admin/realms/{realm}/tenancy}. */
public final class TenancyAdminResourceProviderFactory
        implements AdminRealmResourceProviderFactory, ServerInfoAwareProviderFactory {

    static final String ID = "tenancy";

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new AdminRealmResourceProvider() {
            @Override
            public Object getResource(KeycloakSession s, org.keycloak.models.RealmModel realm,
                    org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator auth,
                    org.keycloak.services.resources.admin.AdminEventBuilder adminEvent) {
                return new TenancyAdminResource(s, realm, auth, new TenancyAudit(adminEvent));
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

    @Override
    public Map<String, String> getOperationalInfo() {
        return TenancyVersion.operationalInfo();
    }
}
