package dev.tenancy.keycloak.rest;

import dev.tenancy.keycloak.apikey.TenantApiKeysResource;
import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.credential.OwnedCredentialsResource;
import dev.tenancy.keycloak.domain.DomainService;
import dev.tenancy.keycloak.domain.TenantDomainsResource;
import dev.tenancy.keycloak.invitation.TenantInvitationsResource;
import dev.tenancy.keycloak.join.JoinService;
import dev.tenancy.keycloak.join.TenantJoinResource;
import dev.tenancy.keycloak.json.JsonBodies;
import dev.tenancy.keycloak.tenant.MemberService;
import dev.tenancy.keycloak.tenant.ModuleService;
import dev.tenancy.keycloak.tenant.TenantAccess;
import dev.tenancy.keycloak.tenant.TenantInput;
import dev.tenancy.keycloak.tenant.TenantMembersResource;
import dev.tenancy.keycloak.tenant.TenantModulesResource;
import dev.tenancy.keycloak.tenant.TenantService;
import dev.tenancy.keycloak.tenant.TenantView;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

/** {@code /admin/realms/{realm}/tenancy/tenants/{id}}: one tenant and its sub-resources. */
public final class AdminTenantResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OrganizationModel tenant;
    private final TenantAccess access;
    private final TenancyAudit audit;

    AdminTenantResource(KeycloakSession session, RealmModel realm, OrganizationModel tenant, TenantAccess access,
            TenancyAudit audit) {
        this.session = session;
        this.realm = realm;
        this.tenant = tenant;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public TenantView get() {
        access.requireViewTenant();
        return TenantView.of(tenant);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public TenantView update(byte[] body) {
        access.requireManageTenant();
        return tenants().update(tenant, JsonBodies.read(body, TenantInput.class).forUpdate(tenant.getId()));
    }

    @DELETE
    public Response delete() {
        access.requireManageTenant();
        tenants().delete(tenant);
        return Response.noContent().build();
    }

    @Path("members")
    public TenantMembersResource members() {
        return new TenantMembersResource(tenant, access, new MemberService(session, realm, audit));
    }

    @Path("modules")
    public TenantModulesResource modules() {
        return new TenantModulesResource(tenant, access, new ModuleService(session, realm, audit));
    }

    @Path("invitations")
    public TenantInvitationsResource invitations() {
        return new TenantInvitationsResource(session, realm, tenant, access, audit);
    }

    @Path("credentials")
    public OwnedCredentialsResource credentials() {
        return OwnedCredentialsResource.ofTenant(session, realm, tenant, access, audit);
    }

    @Path("domains")
    public TenantDomainsResource domains() {
        return new TenantDomainsResource(session, tenant, access, new DomainService(session, realm, audit));
    }

    @Path("join")
    public TenantJoinResource join() {
        return new TenantJoinResource(tenant, access, new JoinService(session, realm, audit));
    }

    @Path("api-keys")
    public TenantApiKeysResource apiKeys() {
        return new TenantApiKeysResource(session, realm, tenant, access, audit);
    }

    private TenantService tenants() {
        return new TenantService(session, realm, audit);
    }
}
