package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.json.Paging;
import dev.tenancy.keycloak.tenant.TenantAccess;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

/**
 * {@code …/tenants/{id}/api-keys} of both APIs: the keys bound to one tenant, for realm admins (Keycloak's
 * organization manage permission) and members whose role grants {@code manage-api-keys}. They may list and
 * revoke; only owners create and rotate.
 */
public final class TenantApiKeysResource {

    private final OrganizationModel tenant;
    private final TenantAccess access;
    private final ApiKeyService keys;

    public TenantApiKeysResource(KeycloakSession session, RealmModel realm, OrganizationModel tenant,
            TenantAccess access, TenancyAudit audit) {
        this.tenant = tenant;
        this.access = access;
        this.keys = new ApiKeyService(session, realm, audit);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ApiKeyRepresentation> list(@QueryParam("first") String first, @QueryParam("max") String max) {
        access.requireManageApiKeys();
        Paging paging = Paging.of(first, max);
        return keys.listOfTenant(tenant, paging.first(), paging.max()).stream().map(ApiKeyView::representation).toList();
    }

    @POST
    @Path("{keyId}/revoke")
    @Produces(MediaType.APPLICATION_JSON)
    public ApiKeyRepresentation revoke(@PathParam("keyId") String keyId) {
        access.requireManageApiKeys();
        return ApiKeyRepresentation.of(keys.revokeInTenant(tenant, keyId, access.actor()));
    }
}
