package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.tenant.EffectivePermissions;
import dev.tenancy.keycloak.tenant.Membership;
import java.util.Set;
import java.util.TreeSet;
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

    /**
     * What a token made from the key may carry of the owner's membership: the tenant, the key's scopes as
     * module levels, and no roles or permissions (those are the owner's, not the key's).
     */
    Membership scopedMembership() {
        return new Membership(membership.tenant(), new TreeSet<>(),
                new EffectivePermissions(Set.of(), scopes.levels()));
    }
}
