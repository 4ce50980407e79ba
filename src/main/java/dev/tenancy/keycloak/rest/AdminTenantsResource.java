package dev.tenancy.keycloak.rest;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.json.JsonBodies;
import dev.tenancy.keycloak.json.Paging;
import dev.tenancy.keycloak.tenant.AdminTenantAccess;
import dev.tenancy.keycloak.tenant.TenantInput;
import dev.tenancy.keycloak.tenant.TenantService;
import dev.tenancy.keycloak.tenant.TenantView;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/{realm}/tenancy/tenants}: list and create tenants, and the way to one tenant. */
public final class AdminTenantsResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final TenancyAudit audit;
    private final TenantService tenants;

    public AdminTenantsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
            TenancyAudit audit) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.audit = audit;
        this.tenants = new TenantService(session, realm, audit);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<TenantView> list(@QueryParam("search") String search, @QueryParam("first") String first,
            @QueryParam("max") String max) {
        auth.orgs().requireView();
        Paging paging = Paging.of(first, max);
        return tenants.search(search, paging.first(), paging.max());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(byte[] body) {
        auth.orgs().requireManage();
        TenantView created = tenants.create(JsonBodies.read(body, TenantInput.class).forCreate());
        return Response.created(session.getContext().getUri().getAbsolutePathBuilder().path(created.id()).build())
                .entity(created)
                .build();
    }

    @Path("{tenantId}")
    public AdminTenantResource tenant(@PathParam("tenantId") String tenantId) {
        OrganizationModel tenant = tenants.find(tenantId).orElse(null);
        if (tenant == null) {
            auth.orgs().requireView();
            throw TenancyException.notFound("Tenant not found");
        }
        auth.orgs().requireView(tenant);
        return new AdminTenantResource(session, realm, tenant, new AdminTenantAccess(auth, tenant), audit);
    }
}
