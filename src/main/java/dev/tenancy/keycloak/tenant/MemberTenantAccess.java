package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.config.TenancyPermission;
import dev.tenancy.keycloak.error.TenancyException;

/** Tenant access for the self-service API: the caller's own tenant roles decide. */
final class MemberTenantAccess implements TenantAccess {

    private final Membership membership;

    MemberTenantAccess(Membership membership) {
        this.membership = membership;
    }

    @Override
    public void requireViewMembers() {
        if (!membership.has(TenancyPermission.VIEW_MEMBERS) && !membership.has(TenancyPermission.MANAGE_MEMBERS)) {
            throw denied(TenancyPermission.VIEW_MEMBERS);
        }
    }

    @Override
    public void requireManageMembers() {
        require(TenancyPermission.MANAGE_MEMBERS);
    }

    @Override
    public void requireViewTenant() {
        // Every member may see their own tenant.
    }

    @Override
    public void requireManageTenant() {
        require(TenancyPermission.MANAGE_TENANT);
    }

    @Override
    public Grantor grantor() {
        return Grantor.member(membership.roles());
    }

    private void require(TenancyPermission permission) {
        if (!membership.has(permission)) {
            throw denied(permission);
        }
    }

    private static TenancyException denied(TenancyPermission permission) {
        return TenancyException.forbidden("Your tenant roles do not grant '" + permission.label() + "'");
    }
}
