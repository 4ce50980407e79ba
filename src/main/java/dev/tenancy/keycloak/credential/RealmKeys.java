package dev.tenancy.keycloak.credential;

import dev.tenancy.keycloak.credential.crypto.KeyEncryptionKey;
import dev.tenancy.keycloak.credential.crypto.KeyEncryptionKeyProvider;
import dev.tenancy.keycloak.credential.crypto.KeyEncryptionKeyUnavailableException;
import dev.tenancy.keycloak.credential.crypto.KeyEncryptionKeys;
import java.util.Optional;
import java.util.SortedSet;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The KEK versions one realm uses. The node's {@code tenancy-kek} provider holds the material; the realm may
 * name its own primary version (set by {@code POST …/tenancy/keys/rotate}, kept as a realm attribute so every
 * node of the cluster follows it), otherwise the provider's primary seals new secrets.
 */
final class RealmKeys implements KeyEncryptionKeys {

    static final String PRIMARY_ATTRIBUTE = "tenancy.kek.primaryVersion";

    private final RealmModel realm;
    private final KeyEncryptionKeyProvider provider;

    RealmKeys(KeycloakSession session, RealmModel realm) {
        this.realm = realm;
        this.provider = session.getProvider(KeyEncryptionKeyProvider.class);
        if (provider == null) {
            throw new KeyEncryptionKeyUnavailableException("The tenancy-kek SPI has no provider on this node");
        }
    }

    @Override
    public KeyEncryptionKey primary() {
        Optional<Integer> chosen = realmPrimary();
        if (chosen.isEmpty()) {
            return provider.primary();
        }
        return provider.version(chosen.get()).orElseThrow(() -> new KeyEncryptionKeyUnavailableException(
                "KEK version " + chosen.get() + ", the primary of realm '" + realm.getName()
                        + "', is not configured on this node or is retired"));
    }

    @Override
    public Optional<KeyEncryptionKey> version(int version) {
        return provider.version(version);
    }

    @Override
    public SortedSet<Integer> versions() {
        return provider.versions();
    }

    /** The version new secrets are sealed under, without needing its key (which may be missing here). */
    int primaryVersion() {
        return realmPrimary().orElseGet(() -> nodePrimary().version());
    }

    /** The node's own primary version, which the realm follows unless it names one. */
    KeyEncryptionKey nodePrimary() {
        return provider.primary();
    }

    Optional<Integer> realmPrimary() {
        String value = realm.getAttribute(PRIMARY_ATTRIBUTE);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw new KeyEncryptionKeyUnavailableException("Realm attribute " + PRIMARY_ATTRIBUTE
                    + " of realm '" + realm.getName() + "' is not a KEK version: " + value);
        }
    }

    void choosePrimary(int version) {
        realm.setAttribute(PRIMARY_ATTRIBUTE, Integer.toString(version));
    }
}
