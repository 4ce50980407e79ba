package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.http.NoStore;
import dev.tenancy.keycloak.json.JsonBodies;
import dev.tenancy.keycloak.json.Paging;
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
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** {@code /realms/{realm}/tenancy/me/api-keys}: the caller's own keys; the key text is in the 201 answer only. */
public final class MyApiKeysResource {

    /** Tenant ids are Keycloak ids (36 characters); a longer filter is a mistake, not a tenant. */
    private static final int MAX_ID_LENGTH = 255;

    private final KeycloakSession session;
    private final UserModel owner;
    private final ApiKeyService keys;

    public MyApiKeysResource(KeycloakSession session, RealmModel realm, UserModel owner, TenancyAudit audit) {
        this.session = session;
        this.owner = owner;
        this.keys = new ApiKeyService(session, realm, audit);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ApiKeyRepresentation> list(@QueryParam("tenantId") String tenantId, @QueryParam("first") String first,
            @QueryParam("max") String max) {
        Paging paging = Paging.of(first, max);
        if (tenantId != null && tenantId.length() > MAX_ID_LENGTH) {
            throw TenancyException.invalid("Query parameter 'tenantId' is longer than " + MAX_ID_LENGTH
                    + " characters");
        }
        Optional<String> tenant = Optional.ofNullable(tenantId).filter(id -> !id.isBlank());
        return keys.listOfOwner(owner, tenant, paging.first(), paging.max()).stream().map(ApiKeyView::representation).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(byte[] body) {
        ApiKeyService.Issued issued = keys.create(owner, JsonBodies.read(body, ApiKeyInput.class));
        return created(issued);
    }

    @GET
    @Path("{keyId}")
    @Produces(MediaType.APPLICATION_JSON)
    public ApiKeyRepresentation get(@PathParam("keyId") String keyId) {
        return ApiKeyRepresentation.of(keys.getOwn(owner, keyId));
    }

    @POST
    @Path("{keyId}/revoke")
    @Produces(MediaType.APPLICATION_JSON)
    public ApiKeyRepresentation revoke(@PathParam("keyId") String keyId) {
        return ApiKeyRepresentation.of(keys.revokeOwn(owner, keyId));
    }

    @POST
    @Path("{keyId}/rotate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response rotate(@PathParam("keyId") String keyId, byte[] body) {
        return created(keys.rotate(owner, keyId, ApiKeyInput.Rotation.graceSeconds(body)));
    }

    private Response created(ApiKeyService.Issued issued) {
        UriBuilder location = session.getContext().getUri().getBaseUriBuilder()
                .path("realms").path(session.getContext().getRealm().getName())
                .path("tenancy").path("me").path("api-keys").path(issued.view().id());
        return NoStore.build(Response.created(location.build()).entity(issued.representation()));
    }
}
