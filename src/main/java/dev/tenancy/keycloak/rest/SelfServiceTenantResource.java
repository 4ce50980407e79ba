package dev.tenancy.keycloak.rest;

import dev.tenancy.keycloak.apikey.TenantApiKeysResource;
import dev.tenancy.keycloak.audit.TenancyAudit;
import dev.tenancy.keycloak.config.TenancyPermission;
import dev.tenancy.keycloak.credential.OwnedCredentialsResource;
import dev.tenancy.keycloak.domain.DomainService;
import dev.tenancy.keycloak.domain.TenantDomainsResource;
import dev.tenancy.keycloak.error.TenancyException;
import dev.tenancy.keycloak.invitation.TenantInvitationsResource;
import dev.tenancy.keycloak.join.JoinService;
import dev.tenancy.keycloak.join.TenantJoinResource;
import dev.tenancy.keycloak.tenant.MemberService;
import dev.tenancy.keycloak.tenant.MemberTenantAccess;
import dev.tenancy.keycloak.tenant.Membership;
import dev.tenancy.keycloak.tenant.MembershipRepresentation;
import dev.tenancy.keycloak.tenant.MembershipService;
import dev.tenancy.keycloak.tenant.ModuleService;
import dev.tenancy.keycloak.tenant.TenantAccess;
import dev.tenancy.keycloak.tenant.TenantMembersResource;
import dev.tenancy.keycloak.tenant.TenantModulesResource;
import dev.tenancy.keycloak.tenant.TenantDirectory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.TreeSet;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * {@code /realms/{realm}/tenancy/tenants/{id}}: one of the caller's own tenants. A tenant the caller is not
 * a member of is 403 whether it exists or not, so ids of other tenants cannot be probed.
 */
public final class SelfServiceTenantResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OrganizationModel tenant;
    private final Membership membership;
    private final UserModel caller;
    private final TenancyAudit audit;

    private SelfServiceTenantResource(KeycloakSession session, RealmModel realm, OrganizationModel tenant,
            Membership membership, UserModel caller, TenancyAudit audit) {
        this.session = session;
        this.realm = realm;
        this.tenant = tenant;
        this.membership = membership;
        this.caller = caller;
        this.audit = audit;
    }

    public static SelfServiceTenantResource of(KeycloakSession session, RealmModel realm, UserModel caller,
            String tenantId, TenancyAudit audit) {
        OrganizationModel tenant = new TenantDirectory(session, realm).findEnabled(tenantId).orElse(null);
        Membership membership = tenant == null ? null
                : new MembershipService(session, realm).in(tenant, caller).orElse(null);
        if (membership == null) {
            throw TenancyException.forbidden("You are not a member of this tenant");
        }
        return new SelfServiceTenantResource(session, realm, tenant, membership, caller, audit);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public MembershipRepresentation get() {
        MembershipService memberships = new MembershipService(session, realm);
        // Which roles sit within the caller's power says something about how roles are defined; only those who
        // grant roles (members, invitations) or set a role's module levels (the tenant's overrides) need it.
        boolean grants = membership.has(TenancyPermission.MANAGE_MEMBERS)
                || membership.has(TenancyPermission.MANAGE_INVITATIONS)
                || membership.has(TenancyPermission.MANAGE_TENANT);
        return MembershipRepresentation.of(membership).withRoles(
                new TreeSet<>(memberships.matrix(tenant).config().roles().keySet()),
                grants ? memberships.grantorIn(tenant, caller).grantable() : new TreeSet<>());
    }

    @Path("members")
    public TenantMembersResource members() {
        return new TenantMembersResource(tenant, access(),
                new MemberService(session, realm, audit));
    }

    @Path("modules")
    public TenantModulesResource modules() {
        return new TenantModulesResource(tenant, access(),
                new ModuleService(session, realm, audit));
    }

    @Path("invitations")
    public TenantInvitationsResource invitations() {
        return new TenantInvitationsResource(session, realm, tenant, access(), audit);
    }

    @Path("credentials")
    public OwnedCredentialsResource credentials() {
        return OwnedCredentialsResource.ofTenant(session, realm, tenant, access(), audit);
    }

    @Path("domains")
    public TenantDomainsResource domains() {
        return new TenantDomainsResource(session, tenant, access(), new DomainService(session, realm, audit));
    }

    @Path("join")
    public TenantJoinResource join() {
        return new TenantJoinResource(tenant, access(), new JoinService(session, realm, audit));
    }

    @Path("api-keys")
    public TenantApiKeysResource apiKeys() {
        return new TenantApiKeysResource(session, realm, tenant, access(), audit);
    }

    private TenantAccess access() {
        return new MemberTenantAccess(membership, caller,
                () -> new MembershipService(session, realm).matrix(tenant));
    }
}
