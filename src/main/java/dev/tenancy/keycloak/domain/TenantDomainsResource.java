package dev.tenancy.keycloak.domain;

import dev.tenancy.keycloak.json.JsonBodies;
import dev.tenancy.keycloak.tenant.TenantAccess;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;

/**
 * {@code …/tenants/{id}/domains}: the tenant's domains and their DNS proof, for realm admins and members whose
 * role grants {@code manage-tenant}.
 */
public final class TenantDomainsResource {

    private final KeycloakSession session;
    private final OrganizationModel tenant;
    private final TenantAccess access;
    private final DomainService domains;

    public TenantDomainsResource(KeycloakSession session, OrganizationModel tenant, TenantAccess access,
            DomainService domains) {
        this.session = session;
        this.tenant = tenant;
        this.access = access;
        this.domains = domains;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<DomainView> list() {
        access.requireManageTenant();
        return domains.list(tenant);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response add(byte[] body) {
        access.requireManageTenant();
        DomainInput input = JsonBodies.read(body, DomainInput.class);
        DomainService.Added added;
        if (input.vouched()) {
            access.requireVouchDomains();
            added = domains.vouch(tenant, input, access.actor() == null ? null : access.actor().getId());
        } else {
            added = domains.claim(tenant, input);
        }
        if (!added.created()) {
            return Response.ok(added.domain()).build();
        }
        return Response.created(UriBuilder.fromUri(session.getContext().getUri().getRequestUri())
                        .path(added.domain().domain()).build())
                .entity(added.domain())
                .build();
    }

    @GET
    @Path("{domain}")
    @Produces(MediaType.APPLICATION_JSON)
    public DomainView get(@PathParam("domain") String domain) {
        access.requireManageTenant();
        return domains.get(tenant, DomainName.parse(domain));
    }

    @POST
    @Path("{domain}/verify")
    @Produces(MediaType.APPLICATION_JSON)
    public DomainView verify(@PathParam("domain") String domain) {
        access.requireManageTenant();
        return domains.verify(tenant, DomainName.parse(domain), access.viaAdminApi(),
                access.actor() == null ? null : access.actor().getId());
    }

    @DELETE
    @Path("{domain}")
    public Response remove(@PathParam("domain") String domain) {
        access.requireManageTenant();
        domains.remove(tenant, DomainName.parse(domain), access.viaAdminApi());
        return Response.noContent().build();
    }
}
