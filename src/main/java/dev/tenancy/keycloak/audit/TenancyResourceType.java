package dev.tenancy.keycloak.audit;

/** The resource types of the admin events the extension raises ({@code AdminEvent.resourceType}). */
public enum TenancyResourceType {
    TENANCY_CONFIG,
    TENANCY_TENANT,
    TENANCY_MEMBER,
    TENANCY_MODULES,
    TENANCY_INVITATION,
    TENANCY_API_KEY,
    TENANCY_CREDENTIAL,
    TENANCY_CREDENTIAL_KEYS,
    TENANCY_TRANSFER,
    TENANCY_DOMAIN,
    TENANCY_JOIN,
    TENANCY_JOIN_REQUEST
}
