package dev.tenancy.keycloak.credential.crypto;

import dev.tenancy.keycloak.TenancyProviderFactory;
import dev.tenancy.keycloak.TenancyVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * KEK material from a file or from one option (for a secret mounted as an environment variable):
 * {@code --spi-tenancy-kek--config--file=/run/secrets/tenancy-kek} (lines {@code <version>=<base64>}) or
 * {@code KC_SPI_TENANCY_KEK__CONFIG__KEYS=1:<base64>,2:<base64>}; {@code primary} picks the version for new
 * secrets (default: the highest), {@code minimum-version} retires older ones. Bad material stops the server
 * at start with a message naming the problem; no material at all is reported when a secret is first used.
 */
public final class ConfiguredKeyEncryptionKeyProviderFactory
        implements KeyEncryptionKeyProviderFactory, TenancyProviderFactory<KeyEncryptionKeyProvider> {

    public static final String ID = "config";
    static final String NOT_CONFIGURED = "The tenancy credential store has no key-encryption key: set"
            + " --spi-tenancy-kek--config--file=<file with version=base64 lines> or"
            + " --spi-tenancy-kek--config--keys=<version>:<base64>,… (32 random bytes each)";

    private KeyMaterial material;

    @Override
    public String getId() {
        return ID;
    }

    /** The default when both KEK providers are installed; {@code --spi-tenancy-kek--provider=vault} picks the vault. */
    @Override
    public int order() {
        return 1;
    }

    @Override
    public void init(Config.Scope config) {
        String file = config.get("file");
        String keys = config.get("keys");
        if (file == null && keys == null) {
            return;
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try {
            if (file != null) {
                entries.putAll(KeyEntries.lines(readFile(Path.of(file))));
            }
            if (keys != null) {
                // Keycloak hands the option over as a String, which cannot be cleared; its buffers can. The
                // option wins over the file, and a file buffer it replaces is cleared now.
                KeyEntries.inline(keys).forEach((version, base64) -> {
                    byte[] replaced = entries.put(version, base64);
                    if (replaced != null) {
                        Arrays.fill(replaced, (byte) 0);
                    }
                });
            }
            material = KeyMaterial.of(entries, config.getInt("primary"), config.getInt("minimum-version"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tenancy-kek: " + e.getMessage(), e);
        } finally {
            entries.values().forEach(base64 -> Arrays.fill(base64, (byte) 0));
        }
    }

    /** The file's bytes, not a String, so that they can be cleared once parsed. */
    private static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the KEK file " + file + ": " + e.getMessage());
        }
    }

    @Override
    public KeyEncryptionKeyProvider create(KeycloakSession session) {
        KeyMaterial configured = material;
        return new KeyEncryptionKeyProvider() {
            @Override
            public KeyEncryptionKey primary() {
                return require(configured).primary();
            }

            @Override
            public Optional<KeyEncryptionKey> version(int version) {
                return require(configured).version(version);
            }

            @Override
            public SortedSet<Integer> versions() {
                return require(configured).versions();
            }

            @Override
            public void close() {
            }
        };
    }

    private static KeyMaterial require(KeyMaterial material) {
        if (material == null) {
            throw new KeyEncryptionKeyUnavailableException(NOT_CONFIGURED);
        }
        return material;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("file").type("string")
                .helpText("File with one KEK version per line: <version>=<base64 of 32 bytes>.").add()
                .property().name("keys").type("string").secret(true)
                .helpText("KEK versions in one value: <version>:<base64>,<version>:<base64>.").add()
                .property().name("primary").type("int")
                .helpText("The version that seals new secrets; default the highest.").add()
                .property().name("minimum-version").type("int")
                .helpText("Versions below this are retired and never used to decrypt.").add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>(TenancyVersion.operationalInfo());
        info.put("configured", Boolean.toString(material != null));
        if (material != null) {
            info.put("primaryVersion", Integer.toString(material.primary().version()));
            info.put("minimumVersion", Integer.toString(material.minimum()));
        }
        return info;
    }
}
