package dev.tenancy.keycloak.join;

import dev.tenancy.keycloak.json.JsonBodies;
import dev.tenancy.keycloak.tenant.RolesInput;
import dev.tenancy.keycloak.tenant.TenantAccess;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.models.OrganizationModel;

/**
 * {@code …/tenants/{id}/join}: how people with an address in the tenant's verified domains join it (realm admins and
 * members whose role grants {@code manage-tenant}), and the requests to join that the policy {@code suggest} brings
 * (realm admins and members whose role grants {@code manage-members}).
 */
public final class TenantJoinResource {

    private final OrganizationModel tenant;
    private final TenantAccess access;
    private final JoinService joins;

    public TenantJoinResource(OrganizationModel tenant, TenantAccess access, JoinService joins) {
        this.tenant = tenant;
        this.access = access;
        this.joins = joins;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JoinPolicy get() {
        access.requireManageTenant();
        return joins.get(tenant);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JoinPolicy set(byte[] body) {
        access.requireManageTenant();
        JoinPolicyInput input = JsonBodies.read(body, JoinPolicyInput.class);
        if (input.joinMode() != JoinMode.OFF) {
            // Letting a whole domain in is a way of adding members: it needs that right too (realm admins: manage-realm,
            // since Keycloak's per-organization managers can also mark domains verified by themselves).
            access.requireLetInByDomain();
        }
        return joins.set(tenant, input, access.grantor(), actorId());
    }

    @GET
    @Path("requests")
    @Produces(MediaType.APPLICATION_JSON)
    public List<JoinRequestView> requests() {
        access.requireManageMembers();
        return joins.pending(tenant);
    }

    /** Lets the person in: {@code 200 {"userId", "roles"}}; the body {@code {"roles": [...]}} is optional. */
    @POST
    @Path("requests/{requestId}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ApprovedRequest approve(@PathParam("requestId") String requestId, byte[] body) {
        access.requireManageMembers();
        return joins.approve(tenant, requestId, JsonBodies.readOptional(body, RolesInput.class), access.grantor(),
                actorId());
    }

    @POST
    @Path("requests/{requestId}/deny")
    public Response deny(@PathParam("requestId") String requestId) {
        access.requireManageMembers();
        joins.deny(tenant, requestId, actorId());
        return Response.noContent().build();
    }

    private String actorId() {
        return access.actor() == null ? null : access.actor().getId();
    }
}
