package dev.tenancy.keycloak.tenant;

/** How a caller's right to look at or change one tenant is checked; each check throws 403 when refused. */
public interface TenantAccess {

    void requireViewMembers();

    void requireManageMembers();

    void requireViewTenant();

    void requireManageTenant();

    Grantor grantor();
}
