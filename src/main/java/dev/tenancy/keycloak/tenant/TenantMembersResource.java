package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.json.JsonInput;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    public List<Map<String, Object>> list(@QueryParam("search") String search, @QueryParam("first") String first,
            @QueryParam("max") String max) {
        access.requireViewMembers();
        Paging paging = Paging.of(first, max);
        return members.list(tenant, search, paging.first(), paging.max()).stream().map(MemberView::toJson).toList();
    }

    @GET
    @Path("{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> get(@PathParam("userId") String userId) {
        access.requireViewMembers();
        return members.get(tenant, userId).toJson();
    }

    @PUT
    @Path("{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> setRoles(@PathParam("userId") String userId, String body) {
        access.requireManageMembers();
        JsonInput input = JsonInput.parseObject(body).allowOnly(Set.of("roles"));
        Set<String> roles = new LinkedHashSet<>(input.requiredTextList("roles", JsonInput.NAME, 50));
        return members.setRoles(tenant, userId, roles, access.grantor()).toJson();
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
