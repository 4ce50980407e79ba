package dev.tenancy.keycloak.tenant;

import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/** How a caller's right to look at or change one tenant is checked; each check throws 403 when refused. */
public interface TenantAccess {

    void requireViewMembers();

    void requireManageMembers();

    void requireViewTenant();

    void requireManageTenant();

    void requireManageInvitations();

    void requireManageApiKeys();

    /** Tenant credentials: members whose role grants manage-credentials; realm admins with manage-realm. */
    void requireManageCredentials();

    /**
     * Recording a domain as verified without the DNS proof: realm admins with manage-realm only (Keycloak's
     * per-organization manage permission is not enough: a verified domain steers logins realm-wide).
     */
    void requireVouchDomains();

    /**
     * Turning joining by domain on: realm admins with manage-realm; members whose roles grant both manage-tenant and
     * manage-members (it adds members in bulk).
     */
    void requireLetInByDomain();

    /** Throws 403 unless the caller may put invitees into this Keycloak group. */
    void requireMayAssignGroup(GroupModel group);

    Grantor grantor();

    /**
     * True for a realm admin on the admin API, false for a tenant member on the self-service API. Some
     * things only admins may do (an invitation link shown instead of mailed) or are exempt from (the
     * per-sender mail limit).
     */
    boolean viaAdminApi();

    /** The user acting: a realm admin (possibly of the master realm) or the tenant member. */
    UserModel actor();
}
