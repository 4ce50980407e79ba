package dev.tenancy.keycloak.credential.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.Config;

class ConfiguredKeyEncryptionKeyProviderFactoryTest {

    private static final String PREFIX = "tenancy.test.kek.";
    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
        30, 31, 32});

    @AfterEach
    void clear() {
        for (String name : new String[] {"file", "keys", "primary", "minimum-version"}) {
            System.clearProperty(PREFIX + name);
        }
    }

    private static ConfiguredKeyEncryptionKeyProviderFactory init() {
        ConfiguredKeyEncryptionKeyProviderFactory factory = new ConfiguredKeyEncryptionKeyProviderFactory();
        factory.init(new Config.SystemPropertiesScope(PREFIX));
        return factory;
    }

    @Test
    void readsVersionsFromAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("kek"), "# rotated 2026-11\n1=" + K1 + "\n2=" + K2 + "\n");
        System.setProperty(PREFIX + "file", file.toString());

        KeyEncryptionKeyProvider keys = init().create(null);

        assertThat(keys.primary().version()).isEqualTo(2);
        assertThat(keys.version(1)).isPresent();
    }

    @Test
    void readsVersionsFromOneOptionWithPrimaryAndMinimum() {
        System.setProperty(PREFIX + "keys", "1:" + K1 + ",2:" + K2);
        System.setProperty(PREFIX + "primary", "2");
        System.setProperty(PREFIX + "minimum-version", "2");

        ConfiguredKeyEncryptionKeyProviderFactory factory = init();
        KeyEncryptionKeyProvider keys = factory.create(null);

        assertThat(keys.primary().version()).isEqualTo(2);
        assertThat(keys.version(1)).isEmpty();
        assertThat(factory.getOperationalInfo()).containsEntry("configured", "true")
                .containsEntry("primaryVersion", "2").containsEntry("minimumVersion", "2");
    }

    @Test
    void badMaterialStopsTheStartWithAClearMessage(@TempDir Path dir) {
        System.setProperty(PREFIX + "keys", "1:" + Base64.getEncoder().encodeToString(new byte[20]));
        assertThatThrownBy(ConfiguredKeyEncryptionKeyProviderFactoryTest::init)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("tenancy-kek: KEK version 1 has 20 bytes");

        System.clearProperty(PREFIX + "keys");
        System.setProperty(PREFIX + "file", dir.resolve("missing").toString());
        assertThatThrownBy(ConfiguredKeyEncryptionKeyProviderFactoryTest::init)
                .hasMessageContaining("cannot read the KEK file");
    }

    @Test
    void withoutMaterialTheServerStartsAndTheFirstUseSaysWhatToSet() {
        ConfiguredKeyEncryptionKeyProviderFactory factory = init();

        assertThat(factory.getOperationalInfo()).containsEntry("configured", "false");
        assertThatThrownBy(() -> factory.create(null).primary())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("--spi-tenancy-kek--config--file");
    }
}
