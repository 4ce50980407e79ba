package dev.tenancy.keycloak.credential;

/** The owner of credentials: a scope and the id of the user, tenant or (for {@code SYSTEM}) realm. */
record CredentialOwner(CredentialScope scope, String id) {

    static CredentialOwner user(String userId) {
        return new CredentialOwner(CredentialScope.USER, userId);
    }

    static CredentialOwner tenant(String tenantId) {
        return new CredentialOwner(CredentialScope.TENANT, tenantId);
    }

    static CredentialOwner system(String realmId) {
        return new CredentialOwner(CredentialScope.SYSTEM, realmId);
    }
}
