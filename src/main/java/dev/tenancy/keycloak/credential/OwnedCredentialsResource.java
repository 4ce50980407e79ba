package dev.tenancy.keycloak.credential;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.json.Paging;
import dev.tenancy.keycloak.tenant.TenantAccess;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.keycloak.models.UserModel;

/**
 * The credentials of one owner that the URL names: {@code /realms/{realm}/tenancy/me/credentials} (the
 * caller's own, scope {@code USER}) and {@code …/tenants/{id}/credentials} of both APIs (scope
 * {@code TENANT}, for members whose role grants {@code manage-credentials} and realm admins). Another owner's
 * credential is 404 here, whether it exists or not.
 */
public final class OwnedCredentialsResource {

    private final KeycloakSession session;
    private final CredentialOwner owner;
    private final Runnable requireAccess;
    private final UserModel actor;
    private final CredentialService credentials;

    private OwnedCredentialsResource(KeycloakSession session, RealmModel realm, CredentialOwner owner,
            Runnable requireAccess, UserModel actor, TenancyAudit audit) {
        this.session = session;
        this.owner = owner;
        this.requireAccess = requireAccess;
        this.actor = actor;
        this.credentials = new CredentialService(session, realm, audit, UnreadableCredentialReport.Detail.GENERIC);
    }

    public static OwnedCredentialsResource ofUser(KeycloakSession session, RealmModel realm, UserModel user,
            TenancyAudit audit) {
        return new OwnedCredentialsResource(session, realm, CredentialOwner.user(user.getId()), () -> {
        }, user, audit);
    }

    public static OwnedCredentialsResource ofTenant(KeycloakSession session, RealmModel realm,
            OrganizationModel tenant, TenantAccess access, TenancyAudit audit) {
        return new OwnedCredentialsResource(session, realm, CredentialOwner.tenant(tenant.getId()),
                access::requireManageCredentials, access.actor(), audit);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<CredentialRepresentation> list(@QueryParam("provider") String provider, @QueryParam("type") String type,
            @QueryParam("first") String first, @QueryParam("max") String max) {
        requireAccess.run();
        CredentialFilter filter = CredentialFilter.of(owner, provider, type);
        Paging paging = Paging.of(first, max);
        return credentials.list(filter, paging.first(), paging.max()).stream()
                .map(CredentialView::representation).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(byte[] body) {
        requireAccess.run();
        CredentialView view = credentials.create(owner, CredentialInput.create(body), actor);
        return CredentialResponses.created(session, view);
    }

    @GET
    @Path("{credentialId}")
    @Produces(MediaType.APPLICATION_JSON)
    public CredentialRepresentation get(@PathParam("credentialId") String credentialId) {
        requireAccess.run();
        return CredentialView.of(credentials.require(owner, credentialId)).representation();
    }

    @PUT
    @Path("{credentialId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CredentialRepresentation update(@PathParam("credentialId") String credentialId, byte[] body) {
        requireAccess.run();
        TenancyCredentialEntity credential = credentials.require(owner, credentialId);
        return credentials.update(credential, CredentialInput.update(body, credential.type()))
                .representation();
    }

    @DELETE
    @Path("{credentialId}")
    public Response delete(@PathParam("credentialId") String credentialId) {
        requireAccess.run();
        credentials.delete(credentials.require(owner, credentialId));
        return Response.noContent().build();
    }

    @POST
    @Path("{credentialId}/reveal")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reveal(@PathParam("credentialId") String credentialId) {
        requireAccess.run();
        return CredentialResponses.revealed(credentials.reveal(credentials.require(owner, credentialId)));
    }
}
