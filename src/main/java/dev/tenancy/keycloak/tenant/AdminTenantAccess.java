package dev.tenancy.keycloak.tenant;

import org.keycloak.models.GroupModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Tenant access for the admin API: Keycloak's own organization admin permissions decide. */
public final class AdminTenantAccess implements TenantAccess {

    private final AdminPermissionEvaluator auth;
    private final OrganizationModel tenant;

    public AdminTenantAccess(AdminPermissionEvaluator auth, OrganizationModel tenant) {
        this.auth = auth;
        this.tenant = tenant;
    }

    @Override
    public void requireViewMembers() {
        auth.orgs().requireView(tenant);
    }

    @Override
    public void requireManageMembers() {
        auth.orgs().requireManage(tenant);
    }

    @Override
    public void requireViewTenant() {
        auth.orgs().requireView(tenant);
    }

    @Override
    public void requireManageTenant() {
        auth.orgs().requireManage(tenant);
    }

    @Override
    public void requireManageInvitations() {
        auth.orgs().requireManage(tenant);
    }

    @Override
    public void requireManageApiKeys() {
        auth.orgs().requireManage(tenant);
    }

    @Override
    public void requireManageCredentials() {
        auth.realm().requireManageRealm();
    }

    @Override
    public void requireLetInByDomain() {
        auth.realm().requireManageRealm();
    }

    @Override
    public void requireVouchDomains() {
        auth.realm().requireManageRealm();
    }

    @Override
    public void requireMayAssignGroup(GroupModel group) {
        auth.groups().requireManageMembership(group);
    }

    @Override
    public Grantor grantor() {
        return Grantor.realmAdmin();
    }

    @Override
    public boolean viaAdminApi() {
        return true;
    }

    @Override
    public UserModel actor() {
        return auth.adminAuth().getUser();
    }
}
