package dev.tenancy.keycloak.rest;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.credential.AdminCredentialsResource;
import dev.tenancy.keycloak.credential.CredentialKeysResource;
import dev.tenancy.keycloak.config.ConfigService;
import dev.tenancy.keycloak.config.TenancyConfigRepresentation;
import dev.tenancy.keycloak.http.NoStore;
import dev.tenancy.keycloak.json.JsonBodies;
import dev.tenancy.keycloak.tenant.TenantCatalogueUse;
import dev.tenancy.keycloak.transfer.TenancyTransfer;
import dev.tenancy.keycloak.transfer.TransferReport;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

    /**
     * Our rows of the realm (hashes and ciphertext as stored), to carry beside Keycloak's realm export. The file lets
     * its holder see every user's keys and credentials as stored: manage-realm and manage-users.
     */
    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export() {
        auth.realm().requireManageRealm();
        auth.users().requireManage();
        TenancyTransfer transfer = new TenancyTransfer(session, realm, auth, audit);
        return NoStore.build(Response.ok(transfer.export(), MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + transfer.fileName() + "\""));
    }

    /**
     * A file of {@link #export()} into the realm Keycloak's import made of the same realm: all rows or none. The
     * rows act for users (roles, API keys): manage-realm and manage-users, and impersonation for a file with keys.
     */
    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public TransferReport importRows(byte[] body) {
        auth.realm().requireManageRealm();
        auth.users().requireManage();
        return new TenancyTransfer(session, realm, auth, audit).importDocument(body);
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
