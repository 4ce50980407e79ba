package dev.tenancy.keycloak.apikey;

import dev.tenancy.keycloak.tenant.TenantDirectory;
import dev.tenancy.keycloak.config.TenancyConfigAttribute;
import dev.tenancy.keycloak.secret.SecretHash;
import dev.tenancy.keycloak.tenant.Membership;
import dev.tenancy.keycloak.tenant.MembershipService;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Turns presented key text (or the id a key's token names) into an {@link ActiveKey}, or nothing. Every use
 * reads the database (one indexed lookup, then the owner's membership): a revocation, a removed member or a
 * demotion takes effect on the very next request, and no cache can go stale.
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

    /** The key with this text, recording its use. */
    Optional<ActiveKey> resolve(String text) {
        // The checksum and the realm's prefix reject most garbage before any database access.
        Optional<String> prefix = ApiKeyFormat.check(text);
        if (prefix.isEmpty() || !prefix.get().equals(TenancyConfigAttribute.read(realm).apiKeyPrefix())) {
            return Optional.empty();
        }
        TenancyApiKeyEntity key = store.findByHash(SecretHash.sha256Hex(text)).orElse(null);
        if (key == null) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        Optional<ActiveKey> active = activate(key, now);
        active.ifPresent(found -> store.touch(key, now));
        return active;
    }

    /** The key a token was made from, as it stands now; reading a token is not a use of the key. */
    Optional<ActiveKey> resolveById(String id) {
        return store.findById(id).flatMap(key -> activate(key, System.currentTimeMillis()));
    }

    private Optional<ActiveKey> activate(TenancyApiKeyEntity key, long now) {
        // A key without a tenant is a personal key of an earlier version: retired, it works nowhere.
        if (key.revokedAt() != null || (key.expiresAt() != null && key.expiresAt() <= now) || key.tenantId() == null) {
            return Optional.empty();
        }
        UserModel owner = session.users().getUserById(realm, key.userId());
        if (owner == null || !owner.isEnabled()) {
            return Optional.empty();
        }
        OrganizationModel tenant = new TenantDirectory(session, realm).findEnabled(key.tenantId()).orElse(null);
        if (tenant == null) {
            return Optional.empty();
        }
        Optional<Membership> membership = new MembershipService(session, realm).in(tenant, owner);
        return membership.map(held -> new ActiveKey(key.id(), owner, tenant, held,
                ApiKeyScopes.ofStored(key.scopes()).cutTo(held.effective().modules()), key.expiresAt()));
    }
}
