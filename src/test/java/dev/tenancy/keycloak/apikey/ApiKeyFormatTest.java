package dev.tenancy.keycloak.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyFormatTest {

    @Test
    void aKeyIsPrefixUnderscoreFortyBase62WithAValidChecksum() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = ApiKeyFormat.generate("tnc");
            assertThat(key).matches("tnc_[0-9A-Za-z]{40}");
            assertThat(ApiKeyFormat.check(key)).contains("tnc");
            seen.add(key);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void theChecksumIsTheCrc32OfTheRandomPartInSixBase62Digits() {
        // CRC32("123456789") = 0xCBF43926, the standard check value; in base62: 3jZRME.
        assertThat(ApiKeyFormat.checksum("123456789")).isEqualTo("3jZRME");
        assertThat(ApiKeyFormat.checksum("")).isEqualTo("000000");
    }

    @Test
    void anyChangedCharacterIsCaught() {
        String key = ApiKeyFormat.generate("acme");
        for (int i = "acme_".length(); i < key.length(); i++) {
            char replacement = key.charAt(i) == 'x' ? 'y' : 'x';
            String changed = key.substring(0, i) + replacement + key.substring(i + 1);
            assertThat(ApiKeyFormat.check(changed)).as("changed at %d", i).isEmpty();
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "tnc_", "tnc", "TNC_0123456789012345678901234567890123456789",
        "tnc-0123456789012345678901234567890123456789", "tnc_012345678901234567890123456789012345678",
        "tnc_01234567890123456789012345678901234567890", "t_0123456789012345678901234567890123456789",
        "tnc_0123456789012345678901234567890123456+89"})
    void malformedTextIsRejected(String text) {
        assertThat(ApiKeyFormat.check(text)).isEmpty();
    }

    @Test
    void listsShowThePrefixAndSixCharacters() {
        String key = ApiKeyFormat.generate("tnc");

        assertThat(ApiKeyFormat.displayed(key)).hasSize(10).isEqualTo(key.substring(0, 10));
    }
}
