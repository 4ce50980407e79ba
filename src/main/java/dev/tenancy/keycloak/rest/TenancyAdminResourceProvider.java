package dev.tenancy.keycloak.rest;

import dev.tenancy.keycloak.audit.TenancyAudit;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Hands Keycloak's already authenticated admin request to {@link TenancyAdminResource}. */
final class TenancyAdminResourceProvider implements AdminRealmResourceProvider {

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent) {
        return new TenancyAdminResource(session, realm, auth, new TenancyAudit(adminEvent));
    }

    @Override
    public void close() {
    }
}
