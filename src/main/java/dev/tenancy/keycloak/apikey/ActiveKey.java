package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.tenant.Membership;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;

/**
 * A key that works right now, with what it may do right now: its scopes cut to what the owner holds at this
 * moment in the key's tenant.
 *
 * @param membership the owner's membership in the tenant now
 * @param expiresAt epoch milliseconds, null when the key does not expire
 */
record ActiveKey(String id, UserModel owner, OrganizationModel tenant, Membership membership, ApiKeyScopes scopes,
        Long expiresAt) {

    /** The owner's membership reaching only the key's scopes: what a token made from the key may carry. */
    Membership scopedMembership() {
        return membership.withModules(scopes.levels());
    }
}
