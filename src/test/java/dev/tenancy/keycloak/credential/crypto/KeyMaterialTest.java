package dev.tenancy.keycloak.credential.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyMaterialTest {

    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString(filled(2));

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    @Test
    void theHighestVersionIsPrimaryUnlessNamed() {
        KeyMaterial keys = KeyMaterial.of(Map.of("1", K1, "2", K2), null, null);
        KeyMaterial named = KeyMaterial.of(Map.of("1", K1, "2", K2), 1, null);

        assertThat(keys.primary().version()).isEqualTo(2);
        assertThat(named.primary().version()).isEqualTo(1);
        assertThat(keys.version(1)).isPresent();
        assertThat(keys.version(3)).isEmpty();
    }

    @Test
    void versionsBelowTheMinimumAreRetired() {
        KeyMaterial keys = KeyMaterial.of(Map.of("1", K1, "2", K2), null, 2);

        assertThat(keys.version(1)).isEmpty();
        assertThat(keys.version(2)).isPresent();
    }

    @Test
    void inlineEntriesAreVersionColonBase64() {
        assertThat(KeyMaterial.inline(" 1:" + K1 + " , 2:" + K2 + ","))
                .containsExactly(Map.entry("1", K1), Map.entry("2", K2));
        assertThatThrownBy(() -> KeyMaterial.inline("1=" + K1)).hasMessageContaining("<version>:<base64>");
    }

    @Test
    void badMaterialIsRefusedWithAMessageThatShowsNoKey() {
        assertThatThrownBy(() -> KeyMaterial.of(Map.of(), null, null)).hasMessageContaining("No KEK versions");
        assertThatThrownBy(() -> KeyMaterial.of(Map.of("one", K1), null, null))
                .hasMessageContaining("whole-number version").hasMessageNotContaining("one");
        // A file line holding only the key reads as the name of an entry: the message must not repeat it.
        String keyOnly = K2.substring(0, K2.length() - 1);
        assertThatThrownBy(() -> KeyMaterial.of(Map.of(keyOnly, ""), null, null))
                .hasMessageNotContaining(keyOnly.substring(0, 8));
        assertThatThrownBy(() -> KeyMaterial.of(Map.of("1", "not base64!"), null, null))
                .hasMessageContaining("version 1 is not valid base64");
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> KeyMaterial.of(Map.of("1", short16), null, null))
                .hasMessageContaining("has 16 bytes").hasMessageNotContaining(short16);
        assertThatThrownBy(() -> KeyMaterial.of(Map.of("1", K1), 2, null)).hasMessageContaining("primary KEK version 2");
        assertThatThrownBy(() -> KeyMaterial.of(Map.of("1", K1, "2", K2), 1, 2))
                .hasMessageContaining("below the minimum decryption version 2");
    }
}
