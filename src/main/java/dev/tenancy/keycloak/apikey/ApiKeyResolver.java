package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.config.ModuleLevel;
import dev.tenancy.keycloak.config.TenancyConfigStore;
import dev.tenancy.keycloak.secret.SecretHash;
import dev.tenancy.keycloak.tenant.Membership;
import dev.tenancy.keycloak.tenant.MembershipService;
import java.util.Optional;
import java.util.SortedMap;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Turns presented key text into an {@link ActiveKey}, or nothing. Every use reads the database (one indexed
 * lookup by hash, then the owner's membership): a revocation, a removed member or a demotion takes effect on
 * the very next request, and no cache can go stale.
 */
final class ApiKeyResolver {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ApiKeyStore store;

    ApiKeyResolver(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.store = new ApiKeyStore(session, realm.getId());
    }

    Optional<ActiveKey> resolve(String text) {
        // The checksum and the realm's prefix reject most garbage before any database access.
        Optional<String> prefix = ApiKeyFormat.check(text);
        if (prefix.isEmpty() || !prefix.get().equals(TenancyConfigStore.read(realm).apiKeyPrefix())) {
            return Optional.empty();
        }
        TenancyApiKeyEntity key = store.findByHash(SecretHash.sha256Hex(text)).orElse(null);
        long now = System.currentTimeMillis();
        if (key == null || key.revokedAt() != null || (key.expiresAt() != null && key.expiresAt() <= now)) {
            return Optional.empty();
        }
        UserModel owner = session.users().getUserById(realm, key.userId());
        if (owner == null || !owner.isEnabled()) {
            return Optional.empty();
        }
        OrganizationModel tenant = null;
        if (key.tenantId() != null) {
            OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
            tenant = organizations == null || !realm.isOrganizationsEnabled() ? null
                    : organizations.getById(key.tenantId());
            if (tenant == null || !tenant.isEnabled()) {
                return Optional.empty();
            }
        }
        MembershipService memberships = new MembershipService(session, realm);
        Membership membership = null;
        SortedMap<String, ModuleLevel> levels;
        if (tenant != null) {
            membership = memberships.in(tenant, owner).orElse(null);
            if (membership == null) {
                return Optional.empty();
            }
            levels = membership.effective().modules();
        } else {
            levels = OwnerLevels.highest(memberships.all(owner));
        }
        ApiKeyScopes held = ApiKeyScopes.ofStored(key.scopes()).cutTo(levels);
        store.touch(key, now);
        return Optional.of(new ActiveKey(key.id(), owner, tenant, membership, held, key.expiresAt()));
    }
}
