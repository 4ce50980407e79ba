package dev.tenancy.keycloak.rest;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.credential.AdminCredentialsResource;
import dev.tenancy.keycloak.credential.CredentialKeysResource;
import dev.tenancy.keycloak.config.ConfigService;
import dev.tenancy.keycloak.config.TenancyConfigRepresentation;
import dev.tenancy.keycloak.json.JsonBodies;
import dev.tenancy.keycloak.tenant.TenantCatalogueUse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/tenancy}: the admin API. Keycloak has already authenticated the admin
 * token and picked the realm; each method checks Keycloak's admin permissions before doing anything.
 */
public final class TenancyAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final TenancyAudit audit;

    TenancyAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, TenancyAudit audit) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.audit = audit;
    }

    @GET
    @Path("config")
    @Produces(MediaType.APPLICATION_JSON)
    public TenancyConfigRepresentation config() {
        auth.realm().requireViewRealm();
        return configService().view();
    }

    @PUT
    @Path("config")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public TenancyConfigRepresentation replaceConfig(byte[] body) {
        auth.realm().requireManageRealm();
        return configService().replace(JsonBodies.read(body, TenancyConfigRepresentation.class));
    }

    @Path("credentials")
    public AdminCredentialsResource credentials() {
        return new AdminCredentialsResource(session, realm, auth, audit);
    }

    @Path("keys")
    public CredentialKeysResource keys() {
        return new CredentialKeysResource(session, realm, auth, audit);
    }

    @Path("tenants")
    public AdminTenantsResource tenants() {
        return new AdminTenantsResource(session, realm, auth, audit);
    }

    private ConfigService configService() {
        return new ConfigService(session, realm, new TenantCatalogueUse(session, realm), audit);
    }
}
