package dev.tenancy.keycloak.scope;

/**
 * The client scope {@code tenancy} that every realm has: it puts the audience {@value #AUDIENCE}, which the
 * self-service API requires (as Keycloak's account API requires {@code account}), and the tenant claims into
 * tokens. Realm admins add it to the clients that may act in the user's tenants; a client the user merely
 * consented to for {@code profile} gets a token the self-service API refuses. Its names are here, where every
 * feature that checks them can read them; {@code claims.TenancyScopeSetup} makes the scope.
 */
public final class TenancyClientScope {

    public static final String NAME = "tenancy";
    public static final String AUDIENCE = "urn:tenancy:self-service";

    private TenancyClientScope() {
    }
}
