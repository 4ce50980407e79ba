package dev.tenancy.keycloak.credential.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyEncryptionKey V1 = kek(1);
    private static final KeyEncryptionKey V2 = kek(2);
    private static final KeyEncryptionKeys BOTH = keys(Map.of(1, V1, 2, V2), V2);
    private static final CredentialBinding BINDING = new CredentialBinding(CredentialBinding.CURRENT, "realm-1", "USER",
            "user-1", "cred-1", "SECRET", "github", "ci token");
    private static final CredentialBinding OLD = BINDING.at(CredentialBinding.V1);
    private static final byte[] VALUE = "ghp_very-secret-token".getBytes(StandardCharsets.UTF_8);

    private static KeyEncryptionKey kek(int version) {
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        return KeyEncryptionKey.of(version, material);
    }

    private static KeyEncryptionKeys keys(Map<Integer, KeyEncryptionKey> versions, KeyEncryptionKey primary) {
        return new KeyEncryptionKeys() {
            @Override
            public KeyEncryptionKey primary() {
                return primary;
            }

            @Override
            public Optional<KeyEncryptionKey> version(int version) {
                return Optional.ofNullable(versions.get(version));
            }

            @Override
            public java.util.SortedSet<Integer> versions() {
                return new java.util.TreeSet<>(versions.keySet());
            }
        };
    }

    @Test
    void aSealedSecretOpensToItsValue() {
        SealedSecret sealed = Envelope.seal(VALUE, BINDING, V1);

        assertThat(sealed.kekVersion()).isEqualTo(1);
        assertThat(sealed.ciphertext()).doesNotContain("ghp_");
        assertThat(Envelope.open(sealed, BINDING, BOTH)).isEqualTo(VALUE);
        assertThat(sealed.toString()).doesNotContain(sealed.ciphertext());
    }

    @Test
    void everySecretGetsItsOwnDataKeyAndIv() {
        SealedSecret first = Envelope.seal(VALUE, BINDING, V1);
        SealedSecret second = Envelope.seal(VALUE, BINDING, V1);

        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(first.wrappedKey()).isNotEqualTo(second.wrappedKey());
    }

    @Test
    void aRowCopiedToAnotherRealmScopeOwnerOrIdFailsClearly() {
        SealedSecret sealed = Envelope.seal(VALUE, BINDING, V1);

        for (CredentialBinding elsewhere : new CredentialBinding[] {
            binding("realm-2", "USER", "user-1", "cred-1", "SECRET", "github", "ci token"),
            binding("realm-1", "TENANT", "user-1", "cred-1", "SECRET", "github", "ci token"),
            binding("realm-1", "USER", "user-2", "cred-1", "SECRET", "github", "ci token"),
            binding("realm-1", "USER", "user-1", "cred-2", "SECRET", "github", "ci token"),
            binding("realm-1", "USER", "user-1", "cred-1", "OAUTH_TOKEN", "github", "ci token")}) {
            assertThatThrownBy(() -> Envelope.open(sealed, elsewhere, BOTH))
                    .isInstanceOf(CredentialDecryptionException.class)
                    .hasMessageContaining("does not authenticate");
        }
    }

    private static CredentialBinding binding(String realm, String scope, String owner, String id, String type,
            String provider, String name) {
        return new CredentialBinding(CredentialBinding.CURRENT, realm, scope, owner, id, type, provider, name);
    }

    @Test
    void aRowRelabelledAsAnotherProviderOrNameFailsUnderTheCurrentBinding() {
        SealedSecret sealed = Envelope.seal(VALUE, BINDING, V1);

        for (CredentialBinding relabelled : new CredentialBinding[] {
            binding("realm-1", "USER", "user-1", "cred-1", "SECRET", "gitlab", "ci token"),
            binding("realm-1", "USER", "user-1", "cred-1", "SECRET", "github", "CI token"),
            binding("realm-1", "USER", "user-1", "cred-1", "SECRET", "github", "ci token 2")}) {
            assertThatThrownBy(() -> Envelope.open(sealed, relabelled, BOTH)).as("%s", relabelled)
                    .isInstanceOf(CredentialDecryptionException.class)
                    .hasMessageContaining("does not authenticate");
        }
    }

    @Test
    void aRowSealedUnderTheOldBindingStillOpensAndIgnoresProviderAndName() {
        SealedSecret old = Envelope.seal(VALUE, OLD, V1);

        assertThat(Envelope.open(old, OLD, BOTH)).isEqualTo(VALUE);
        // Version 1 never bound them: that is the gap the move to version 2 closes.
        assertThat(Envelope.open(old, binding("realm-1", "USER", "user-1", "cred-1", "SECRET", "x", "y")
                .at(CredentialBinding.V1), BOTH)).isEqualTo(VALUE);
        assertThatThrownBy(() -> Envelope.open(old, BINDING, BOTH)).as("an old row read as the new version")
                .hasMessageContaining("does not authenticate");
    }

    @Test
    void aNewRowMarkedAsOldDoesNotOpen() {
        SealedSecret sealed = Envelope.seal(VALUE, BINDING, V1);

        assertThatThrownBy(() -> Envelope.open(sealed, OLD, BOTH)).hasMessageContaining("does not authenticate");
        assertThatThrownBy(() -> Envelope.open(sealed, BINDING.at(3), BOTH))
                .isInstanceOf(CredentialDecryptionException.class).hasMessageContaining("binding version 3");
    }

    @Test
    void rebindingSealsTheValueAnewUnderTheCurrentBindingAndTarget() {
        SealedSecret old = Envelope.seal(VALUE, OLD, V1);

        SealedSecret rebound = Envelope.rebind(old, OLD, BINDING, BOTH, V2);

        assertThat(rebound.kekVersion()).isEqualTo(2);
        assertThat(rebound.ciphertext()).isNotEqualTo(old.ciphertext());
        assertThat(Envelope.open(rebound, BINDING, BOTH)).isEqualTo(VALUE);
        assertThatThrownBy(() -> Envelope.open(rebound, OLD, BOTH)).hasMessageContaining("does not authenticate");
        assertThatThrownBy(() -> Envelope.open(rebound, binding("realm-1", "USER", "user-1", "cred-1", "SECRET",
                "github", "renamed"), BOTH)).hasMessageContaining("does not authenticate");
    }

    @Test
    void bindingPartsCannotBeShiftedIntoEachOther() {
        assertThat(binding("ab", "c", "d", "e", "f", "g", "h").bytes())
                .isNotEqualTo(binding("a", "bc", "d", "e", "f", "g", "h").bytes());
        assertThat(binding("a", "b", "c", "d", "e", "fg", "h").bytes())
                .isNotEqualTo(binding("a", "b", "c", "d", "e", "f", "gh").bytes());
        assertThat(OLD.bytes()).isNotEqualTo(BINDING.bytes());
    }

    @Test
    void aFlippedByteAnywhereIsDetected() {
        SealedSecret sealed = Envelope.seal(VALUE, BINDING, V1);
        byte[] ciphertext = Base64.getDecoder().decode(sealed.ciphertext());
        byte[] wrapped = Base64.getDecoder().decode(sealed.wrappedKey());
        for (int i = 0; i < ciphertext.length; i++) {
            byte[] flipped = ciphertext.clone();
            flipped[i] ^= 0x01;
            SealedSecret altered = new SealedSecret(Base64.getEncoder().encodeToString(flipped), sealed.wrappedKey(), 1);
            assertThatThrownBy(() -> Envelope.open(altered, BINDING, BOTH)).as("ciphertext byte %d", i)
                    .isInstanceOf(CredentialDecryptionException.class);
        }
        for (int i = 0; i < wrapped.length; i++) {
            byte[] flipped = wrapped.clone();
            flipped[i] ^= 0x01;
            SealedSecret altered = new SealedSecret(sealed.ciphertext(), Base64.getEncoder().encodeToString(flipped), 1);
            assertThatThrownBy(() -> Envelope.open(altered, BINDING, BOTH)).as("wrapped key byte %d", i)
                    .isInstanceOf(CredentialDecryptionException.class);
        }
    }

    @Test
    void malformedOrTruncatedRowsAreReportedNotDecrypted() {
        SealedSecret sealed = Envelope.seal(VALUE, BINDING, V1);

        assertThatThrownBy(() -> Envelope.open(new SealedSecret("%%%", sealed.wrappedKey(), 1), BINDING, BOTH))
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> Envelope.open(new SealedSecret("AAAA", sealed.wrappedKey(), 1), BINDING, BOTH))
                .hasMessageContaining("too short");
    }

    @Test
    void aMissingOrWrongKekIsAClearError() {
        SealedSecret sealed = Envelope.seal(VALUE, BINDING, V1);
        KeyEncryptionKeys onlyTwo = keys(Map.of(2, V2), V2);
        KeyEncryptionKeys wrongOne = keys(Map.of(1, kek(1)), V2);

        assertThatThrownBy(() -> Envelope.open(sealed, BINDING, onlyTwo))
                .isInstanceOf(CredentialDecryptionException.class)
                .hasMessageContaining("KEK version 1 is not configured");
        assertThatThrownBy(() -> Envelope.open(sealed, BINDING, wrongOne))
                .isInstanceOf(CredentialDecryptionException.class)
                .hasMessageContaining("data key (KEK version 1) does not authenticate");
    }

    @Test
    void rewrappingChangesOnlyTheWrappedKeyAndTheVersion() {
        SealedSecret sealed = Envelope.seal(VALUE, BINDING, V1);

        SealedSecret rewrapped = Envelope.rewrap(sealed, BINDING, BOTH, V2);

        assertThat(rewrapped.kekVersion()).isEqualTo(2);
        assertThat(rewrapped.ciphertext()).isEqualTo(sealed.ciphertext());
        assertThat(rewrapped.wrappedKey()).isNotEqualTo(sealed.wrappedKey());
        assertThat(Envelope.open(rewrapped, BINDING, keys(Map.of(2, V2), V2))).isEqualTo(VALUE);
    }

    @Test
    void keysMustBeAes256() {
        assertThatThrownBy(() -> KeyEncryptionKey.of(1, new byte[16])).hasMessageContaining("AES-256 needs 32");
        assertThatThrownBy(() -> KeyEncryptionKey.of(0, new byte[32])).hasMessageContaining("start at 1");
        assertThat(V1.toString()).contains("redacted");
    }
}
