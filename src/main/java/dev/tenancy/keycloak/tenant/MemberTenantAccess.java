package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.config.TenancyPermission;
import dev.tenancy.keycloak.error.TenancyException;
import java.util.function.Supplier;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/** Tenant access for the self-service API: the caller's own tenant roles decide. */
public final class MemberTenantAccess implements TenantAccess {

    private final Membership membership;
    private final UserModel member;
    private final Supplier<TenantMatrix> tenant;

    /** {@code tenant} is asked only by calls that hand out power, so that reads load no overrides. */
    public MemberTenantAccess(Membership membership, UserModel member, Supplier<TenantMatrix> tenant) {
        this.membership = membership;
        this.member = member;
        this.tenant = tenant;
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
    public void requireManageInvitations() {
        require(TenancyPermission.MANAGE_INVITATIONS);
    }

    @Override
    public void requireManageApiKeys() {
        require(TenancyPermission.MANAGE_API_KEYS);
    }

    @Override
    public void requireManageCredentials() {
        require(TenancyPermission.MANAGE_CREDENTIALS);
    }

    @Override
    public void requireLetInByDomain() {
        require(TenancyPermission.MANAGE_TENANT);
        require(TenancyPermission.MANAGE_MEMBERS);
    }

    @Override
    public void requireVouchDomains() {
        throw TenancyException.forbidden("Only realm admins may mark a domain verified without the DNS proof");
    }

    @Override
    public void requireMayAssignGroup(GroupModel group) {
        throw TenancyException.forbidden("Only realm admins may put invitees into Keycloak groups");
    }

    @Override
    public Grantor grantor() {
        return Grantor.member(member.getId(), membership, tenant.get());
    }

    @Override
    public boolean viaAdminApi() {
        return false;
    }

    @Override
    public UserModel actor() {
        return member;
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
