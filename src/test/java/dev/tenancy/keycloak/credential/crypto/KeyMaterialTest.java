package dev.tenancy.keycloak.credential.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyMaterialTest {

    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString(filled(2));

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A fresh, mutable map of fresh buffers, as the parsers hand them over. */
    private static Map<String, byte[]> entries(String... versionsAndKeys) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < versionsAndKeys.length; i += 2) {
            entries.put(versionsAndKeys[i], ascii(versionsAndKeys[i + 1]));
        }
        return entries;
    }

    private static void assertCleared(byte[] buffer) {
        assertThat(buffer).as("cleared buffer").containsOnly(0);
    }

    @Test
    void theHighestVersionIsPrimaryUnlessNamed() {
        KeyMaterial keys = KeyMaterial.of(entries("1", K1, "2", K2), null, null);
        KeyMaterial named = KeyMaterial.of(entries("1", K1, "2", K2), 1, null);

        assertThat(keys.primary().version()).isEqualTo(2);
        assertThat(named.primary().version()).isEqualTo(1);
        assertThat(keys.version(1)).isPresent();
        assertThat(keys.version(3)).isEmpty();
        assertThat(keys.version(2).orElseThrow().key().getEncoded()).isEqualTo(filled(2));
    }

    @Test
    void versionsBelowTheMinimumAreRetired() {
        KeyMaterial keys = KeyMaterial.of(entries("1", K1, "2", K2), null, 2);

        assertThat(keys.version(1)).isEmpty();
        assertThat(keys.version(2)).isPresent();
    }

    @Test
    void inlineEntriesAreVersionColonBase64() {
        Map<String, byte[]> parsed = KeyEntries.inline(" 1:" + K1 + " , 2:" + K2 + ",");

        assertThat(parsed).containsOnlyKeys("1", "2");
        assertThat(new String(parsed.get("1"), StandardCharsets.US_ASCII)).isEqualTo(K1);
        assertThat(new String(parsed.get("2"), StandardCharsets.US_ASCII)).isEqualTo(K2);
        assertThatThrownBy(() -> KeyEntries.inline("1=" + K1)).hasMessageContaining("<version>:<base64>");
    }

    @Test
    void fileLinesAreVersionEqualsBase64WithComments() {
        Map<String, byte[]> parsed = KeyEntries.lines(ascii("# rotated 2026-11\r\n\n 1 = " + K1 + "\r\n2=" + K2));

        assertThat(parsed).containsOnlyKeys("1", "2");
        assertThat(new String(parsed.get("2"), StandardCharsets.US_ASCII)).isEqualTo(K2);
    }

    @Test
    void everyBufferOfKeyMaterialIsClearedOnceTheKeyIsBuilt() {
        byte[] material = filled(7);
        KeyEncryptionKey key = KeyEncryptionKey.of(1, material);
        assertCleared(material);
        assertThat(key.key().getEncoded()).isEqualTo(filled(7));

        byte[] base64 = ascii(K2);
        byte[] decoded = KeyMaterial.decode(2, base64);
        assertCleared(base64);
        assertThat(decoded).isEqualTo(filled(2));

        Map<String, byte[]> entries = entries("1", K1, "2", K2);
        KeyMaterial.of(entries, null, null);
        entries.values().forEach(KeyMaterialTest::assertCleared);

        byte[] file = ascii("1=" + K1 + "\n2=" + K2 + "\n");
        Map<String, byte[]> lines = KeyEntries.lines(file);
        assertCleared(file);
        assertThat(lines).hasSize(2);
        byte[] option = ascii("1:" + K1 + ",2:" + K2);
        KeyEntries.inline(option);
        assertCleared(option);
    }

    @Test
    void buffersAreClearedWhenTheMaterialIsRefusedToo() {
        byte[] shortKey = new byte[16];
        Arrays.fill(shortKey, (byte) 3);
        assertThatThrownBy(() -> KeyEncryptionKey.of(1, shortKey)).hasMessageContaining("AES-256 needs 32");
        assertCleared(shortKey);

        Map<String, byte[]> entries = entries("1", K2, "2", "not base64!");
        assertThatThrownBy(() -> KeyMaterial.of(entries, null, null)).hasMessageContaining("version 2");
        entries.values().forEach(KeyMaterialTest::assertCleared);

        byte[] keyOnly = ascii(K2.substring(0, K2.length() - 1) + "\n");
        assertThatThrownBy(() -> KeyEntries.lines(keyOnly)).hasMessageContaining("whole-number version");
        assertCleared(keyOnly);
    }

    @Test
    void badMaterialIsRefusedWithAMessageThatShowsNoKey() {
        assertThatThrownBy(() -> KeyMaterial.of(entries(), null, null)).hasMessageContaining("No KEK versions");
        assertThatThrownBy(() -> KeyMaterial.of(entries("one", K1), null, null))
                .hasMessageContaining("whole-number version").hasMessageNotContaining("one");
        // A file line holding only the key (with its padding '=') reads as a version: the message must not repeat it.
        String keyOnly = K2;
        assertThatThrownBy(() -> KeyMaterial.of(KeyEntries.lines(ascii(keyOnly)), null, null))
                .hasMessageNotContaining(keyOnly.substring(0, 8));
        assertThatThrownBy(() -> KeyEntries.lines(ascii(keyOnly.substring(0, keyOnly.length() - 1))))
                .hasMessageNotContaining(keyOnly.substring(0, 8));
        assertThatThrownBy(() -> KeyMaterial.of(entries("1", "not base64!"), null, null))
                .hasMessageContaining("version 1 is not valid base64");
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> KeyMaterial.of(entries("1", short16), null, null))
                .hasMessageContaining("has 16 bytes").hasMessageNotContaining(short16);
        assertThatThrownBy(() -> KeyMaterial.of(entries("1", K1), 2, null)).hasMessageContaining("primary KEK version 2");
        assertThatThrownBy(() -> KeyMaterial.of(entries("1", K1, "2", K2), 1, 2))
                .hasMessageContaining("below the minimum decryption version 2");
    }
}
