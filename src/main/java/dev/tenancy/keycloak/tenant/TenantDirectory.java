package dev.tenancy.keycloak.tenant;

import dev.tenancy.keycloak.error.TenancyException;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * The one way to find a realm's tenants: Keycloak's organizations of this realm, and none at all while the realm
 * has organizations switched off. Every feature that takes a tenant id asks here, so none forgets a check.
 */
public final class TenantDirectory {

    /** Keycloak's organization ids are UUIDs; anything longer is no tenant and is not looked up. */
    private static final int MAX_ID_LENGTH = 36;

    private final KeycloakSession session;
    private final RealmModel realm;

    public TenantDirectory(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Any tenant of this realm, enabled or not: what realm admins manage. */
    public Optional<OrganizationModel> find(String tenantId) {
        if (tenantId == null || tenantId.length() > MAX_ID_LENGTH || !available()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(session.getProvider(OrganizationProvider.class).getById(tenantId));
        } catch (ModelException e) {
            // Keycloak reports an organization of another realm this way; to the caller it does not exist.
            return Optional.empty();
        }
    }

    /** A tenant of this realm that works: enabled, while the realm has organizations enabled. */
    public Optional<OrganizationModel> findEnabled(String tenantId) {
        return find(tenantId).filter(this::works);
    }

    /** Whether a tenant found earlier in this request still works (its realm's organizations and itself enabled). */
    public boolean works(OrganizationModel tenant) {
        return available() && tenant.isEnabled();
    }

    /** Keycloak's organizations of this realm, to change them; 409 while the realm has them switched off. */
    OrganizationProvider organizations() {
        if (!available()) {
            throw TenancyException.conflict("Organizations are disabled in realm '" + realm.getName()
                    + "'; tenants are organizations, so enable them in the realm settings first");
        }
        return session.getProvider(OrganizationProvider.class);
    }

    /** Keycloak's organizations of this realm, to read them; empty while the realm has them switched off. */
    Optional<OrganizationProvider> readable() {
        return available() ? Optional.of(session.getProvider(OrganizationProvider.class)) : Optional.empty();
    }

    private boolean available() {
        return realm.isOrganizationsEnabled() && session.getProvider(OrganizationProvider.class) != null;
    }
}
