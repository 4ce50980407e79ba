package dev.tenancy.keycloak.credential.crypto;

import dev.tenancy.keycloak.TenancyProviderFactory;
import dev.tenancy.keycloak.TenancyVersion;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.vault.VaultProvider;
import org.keycloak.vault.VaultRawSecret;

/**
 * KEK material from Keycloak's vault ({@code --spi-tenancy-kek--provider=vault}): the entry
 * {@code tenancy-kek} (option {@code entry}) holds {@code <version>:<base64>,<version>:<base64>}. The vault
 * resolves entries per realm by default (file {@code <realm>_tenancy-kek} of a file vault), so each realm
 * can have its own KEK; Keycloak's {@code KEY_ONLY} resolver shares one. The entry is read at use, in the
 * realm of the session's context; {@code minimum-version} retires older versions.
 */
public final class VaultKeyEncryptionKeyProviderFactory
        implements KeyEncryptionKeyProviderFactory, TenancyProviderFactory<KeyEncryptionKeyProvider> {

    public static final String ID = "vault";
    static final String DEFAULT_ENTRY = "tenancy-kek";

    private String entry = DEFAULT_ENTRY;
    private Integer minimum;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
        entry = config.get("entry", DEFAULT_ENTRY);
        if (!entry.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
            throw new IllegalStateException("tenancy-kek: vault entry name '" + entry + "' is not a plain name");
        }
        minimum = config.getInt("minimum-version");
    }

    @Override
    public KeyEncryptionKeyProvider create(KeycloakSession session) {
        return new VaultKeys(session, entry, minimum);
    }

    /** The material of the context realm's vault entry, read once per session and realm. */
    private static final class VaultKeys implements KeyEncryptionKeyProvider {

        private final KeycloakSession session;
        private final String entry;
        private final Integer minimum;
        private KeyMaterial material;
        private String materialRealm;

        VaultKeys(KeycloakSession session, String entry, Integer minimum) {
            this.session = session;
            this.entry = entry;
            this.minimum = minimum;
        }

        @Override
        public KeyEncryptionKey primary() {
            return material().primary();
        }

        @Override
        public Optional<KeyEncryptionKey> version(int version) {
            return material().version(version);
        }

        @Override
        public SortedSet<Integer> versions() {
            return material().versions();
        }

        private KeyMaterial material() {
            RealmModel realm = session.getContext().getRealm();
            if (realm == null) {
                throw new KeyEncryptionKeyUnavailableException("The vault KEK provider needs a realm in the session's"
                        + " context");
            }
            if (material == null || !realm.getId().equals(materialRealm)) {
                material = read(realm);
                materialRealm = realm.getId();
            }
            return material;
        }

        // A vault provider of its own for each read: Keycloak's vault of the session fixes its realm when first
        // used, and this session may have used it for another realm already (e.g. the admin's master realm).
        private KeyMaterial read(RealmModel realm) {
            ProviderFactory<VaultProvider> vaults = session.getKeycloakSessionFactory().getProviderFactory(VaultProvider.class);
            if (vaults == null) {
                throw new KeyEncryptionKeyUnavailableException("The tenancy-kek vault provider needs Keycloak's vault:"
                        + " start with --vault=file --vault-dir=… or --vault=keystore …");
            }
            byte[] text;
            VaultProvider vault = vaults.create(session);
            // The secret's own buffer is cleared by the vault when closed; the copy is cleared by the parser.
            try (VaultRawSecret secret = vault.obtainSecret(entry)) {
                text = secret.get().map(KeyEntries::copy).orElse(new byte[0]);
            } finally {
                vault.close();
            }
            try {
                Map<String, byte[]> entries = KeyEntries.inline(text);
                if (entries.isEmpty()) {
                    throw new KeyEncryptionKeyUnavailableException("The vault has no entry '" + entry + "' for realm '"
                            + realm.getName() + "': store <version>:<base64 of 32 random bytes>,… there (a file vault"
                            + " names it " + realm.getName().replace("_", "__") + "_" + entry.replace("_", "__") + ")");
                }
                return KeyMaterial.of(entries, null, minimum);
            } catch (IllegalArgumentException e) {
                throw new KeyEncryptionKeyUnavailableException("The vault entry '" + entry + "' of realm '"
                        + realm.getName() + "' is not valid KEK material: " + e.getMessage());
            } finally {
                Arrays.fill(text, (byte) 0);
            }
        }

        @Override
        public void close() {
            material = null;
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("entry").type("string").defaultValue(DEFAULT_ENTRY)
                .helpText("Vault entry with the KEK versions: <version>:<base64>,<version>:<base64>.").add()
                .property().name("minimum-version").type("int")
                .helpText("Versions below this are retired and never used to decrypt.").add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>(TenancyVersion.operationalInfo());
        info.put("entry", entry);
        info.put("minimumVersion", minimum == null ? "1" : Integer.toString(minimum));
        return info;
    }
}
