package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.json.JsonBodies;
import dev.tenancy.keycloak.json.Paging;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.keycloak.models.OrganizationModel;

/** {@code …/tenants/{id}/members}: the members of one tenant and their roles, for admins and tenant managers. */
public final class TenantMembersResource {

    private final OrganizationModel tenant;
    private final TenantAccess access;
    private final MemberService members;

    public TenantMembersResource(OrganizationModel tenant, TenantAccess access, MemberService members) {
        this.tenant = tenant;
        this.access = access;
        this.members = members;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<MemberView> list(@QueryParam("search") String search, @QueryParam("first") String first,
            @QueryParam("max") String max) {
        access.requireViewMembers();
        Paging paging = Paging.of(first, max);
        return members.list(tenant, search, paging.first(), paging.max());
    }

    @GET
    @Path("{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public MemberView get(@PathParam("userId") String userId) {
        access.requireViewMembers();
        return members.get(tenant, userId);
    }

    @PUT
    @Path("{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public MemberView setRoles(@PathParam("userId") String userId, byte[] body) {
        access.requireManageMembers();
        Set<String> roles = JsonBodies.read(body, RolesInput.class).asSet();
        return members.setRoles(tenant, userId, roles, access.grantor());
    }

    @DELETE
    @Path("{userId}")
    public Response remove(@PathParam("userId") String userId) {
        // A member may leave their tenant; removing someone else, or anyone through the admin API, needs
        // manage-members.
        if (access.viaAdminApi() || !access.actor().getId().equals(userId)) {
            access.requireManageMembers();
        }
        members.remove(tenant, userId, access.grantor());
        return Response.noContent().build();
    }
}
