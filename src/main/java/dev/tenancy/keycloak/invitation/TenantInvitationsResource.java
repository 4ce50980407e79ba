package dev.tenancy.keycloak.invitation;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.http.NoStore;
import dev.tenancy.keycloak.json.Paging;
import dev.tenancy.keycloak.tenant.TenantAccess;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

/**
 * {@code …/tenants/{id}/invitations} of both APIs: realm admins through Keycloak's organization
 * permissions, tenant members through a role that grants {@code manage-invitations}.
 */
public final class TenantInvitationsResource {

    private final OrganizationModel tenant;
    private final TenantAccess access;
    private final InvitationService invitations;
    private final KeycloakSession session;

    public TenantInvitationsResource(KeycloakSession session, RealmModel realm, OrganizationModel tenant,
            TenantAccess access, TenancyAudit audit) {
        this.session = session;
        this.tenant = tenant;
        this.access = access;
        this.invitations = new InvitationService(session, realm, audit);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<InvitationRepresentation> list(@QueryParam("status") String status, @QueryParam("email") String email,
            @QueryParam("first") String first, @QueryParam("max") String max) {
        access.requireManageInvitations();
        Paging paging = Paging.of(first, max);
        InvitationStatus wanted = status == null || status.isBlank() ? null : InvitationStatus.parse(status.strip())
                .orElseThrow(() -> TenancyException.invalid(
                        "Query parameter 'status' must be one of pending, accepted, declined, revoked, expired, void"));
        if (email != null && email.length() > 254) {
            throw TenancyException.invalid("Query parameter 'email' is longer than 254 characters");
        }
        String emailPart = email == null || email.isBlank() ? null : email.strip();
        return invitations.list(tenant, wanted, emailPart, paging.first(), paging.max()).stream()
                .map(InvitationRepresentation::of)
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(byte[] body) {
        access.requireManageInvitations();
        InvitationService.Issued issued = invitations.create(tenant, InvitationInput.read(body),
                access);
        // no-store: the answer may carry the link, which works for whoever holds it.
        return NoStore.build(Response.created(UriBuilder.fromUri(session.getContext().getUri().getRequestUri())
                        .path(issued.invitation().id()).replaceQuery(null).build())
                .entity(issued.representation()));
    }

    @GET
    @Path("{invitationId}")
    @Produces(MediaType.APPLICATION_JSON)
    public InvitationRepresentation get(@PathParam("invitationId") String invitationId) {
        access.requireManageInvitations();
        return InvitationRepresentation.of(invitations.get(tenant, invitationId));
    }

    @POST
    @Path("{invitationId}/resend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response resend(@PathParam("invitationId") String invitationId, byte[] body) {
        access.requireManageInvitations();
        return NoStore.build(Response.ok(invitations.resend(tenant, invitationId, InvitationInput.readSendEmail(body),
                access).representation()));
    }

    @POST
    @Path("{invitationId}/revoke")
    @Produces(MediaType.APPLICATION_JSON)
    public InvitationRepresentation revoke(@PathParam("invitationId") String invitationId) {
        access.requireManageInvitations();
        return InvitationRepresentation.of(invitations.revoke(tenant, invitationId, access));
    }
}
