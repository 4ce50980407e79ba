package dev.tenancy.keycloak.credential;

import dev.tenancy.keycloak.tenant.TenantDirectory;
import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.json.Paging;
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
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/tenancy/credentials}: every credential of the realm, of any scope. Realm
 * admins who may view the realm list and read the masked form; revealing and every change need manage-realm.
 */
public final class AdminCredentialsResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final TenancyAudit audit;
    private final CredentialService credentials;

    public AdminCredentialsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
            TenancyAudit audit) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.audit = audit;
        this.credentials = new CredentialService(session, realm, audit, UnreadableCredentialReport.Detail.FULL);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<CredentialRepresentation> list(@QueryParam("scope") String scope, @QueryParam("ownerId") String ownerId,
            @QueryParam("provider") String provider, @QueryParam("type") String type,
            @QueryParam("first") String first, @QueryParam("max") String max) {
        auth.realm().requireViewRealm();
        CredentialFilter filter = CredentialFilter.of(scope, ownerId, provider, type);
        Paging paging = Paging.of(first, max);
        return credentials.list(filter, paging.first(), paging.max()).stream()
                .map(CredentialView::representation).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(byte[] body) {
        auth.realm().requireManageRealm();
        CredentialInput.Owned input = CredentialInput.createOwned(body);
        CredentialView view = credentials.create(owner(input), input.create(), auth.adminAuth().getUser());
        return CredentialResponses.created(session, view);
    }

    @GET
    @Path("{credentialId}")
    @Produces(MediaType.APPLICATION_JSON)
    public CredentialRepresentation get(@PathParam("credentialId") String credentialId) {
        auth.realm().requireViewRealm();
        return CredentialView.of(credentials.requireInRealm(credentialId)).representation();
    }

    @PUT
    @Path("{credentialId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CredentialRepresentation update(@PathParam("credentialId") String credentialId, byte[] body) {
        auth.realm().requireManageRealm();
        TenancyCredentialEntity credential = credentials.requireInRealm(credentialId);
        return credentials.update(credential, CredentialInput.update(body, credential.type()))
                .representation();
    }

    @DELETE
    @Path("{credentialId}")
    public Response delete(@PathParam("credentialId") String credentialId) {
        auth.realm().requireManageRealm();
        credentials.delete(credentials.requireInRealm(credentialId));
        return Response.noContent().build();
    }

    @POST
    @Path("{credentialId}/reveal")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reveal(@PathParam("credentialId") String credentialId) {
        auth.realm().requireManageRealm();
        return CredentialResponses.revealed(credentials.reveal(credentials.requireInRealm(credentialId)));
    }

    /** The owner the body names, which must exist in this realm. */
    private CredentialOwner owner(CredentialInput.Owned input) {
        return switch (input.scope()) {
            case SYSTEM -> CredentialOwner.system(realm.getId());
            case USER -> {
                String userId = input.ownerId().orElseThrow();
                if (session.users().getUserById(realm, userId) == null) {
                    throw TenancyException.invalid("Field 'ownerId' names no user of realm '" + realm.getName() + "'");
                }
                yield CredentialOwner.user(userId);
            }
            case TENANT -> {
                String tenantId = input.ownerId().orElseThrow();
                if (new TenantDirectory(session, realm).find(tenantId).isEmpty()) {
                    throw TenancyException.invalid("Field 'ownerId' names no tenant of realm '" + realm.getName() + "'");
                }
                yield CredentialOwner.tenant(tenantId);
            }
        };
    }
}
