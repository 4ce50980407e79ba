package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.tenant.Membership;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;

/**
 * A key that works right now, with what it may do right now: its scopes cut to what the owner holds at this
 * moment in the key's tenant (or, for a personal key, in any tenant).
 *
 * @param tenant null for a personal key
 * @param membership the owner's membership in the tenant now; null for a personal key
 * @param expiresAt epoch milliseconds, null when the key does not expire
 */
record ActiveKey(String id, UserModel owner, OrganizationModel tenant, Membership membership, ApiKeyScopes scopes,
        Long expiresAt) {
}
