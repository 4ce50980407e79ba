package dev.tenancy.keycloak.credential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code vault} KEK provider: the server restarts with Keycloak's file vault and
 * {@code --spi-tenancy-kek--provider=vault}; each realm's KEK versions are the vault entry
 * {@code <realm>_tenancy-kek}. A realm without the entry gets a 503 naming it; a changed key in the vault is
 * what the store uses (the old secrets stop authenticating); a second version becomes primary and a rewrap
 * moves everything to it. The usual server is back afterwards.
 */
class VaultKeyEncryptionKeyIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();
    @RegisterExtension
    static final TestRealm withoutEntry = new TestRealm();

    private static final SecureRandom RANDOM = new SecureRandom();
    private static Path vault;
    private static String first;

    @BeforeAll
    static void restartWithTheFileVault() throws IOException {
        vault = Path.of(System.getProperty("tenancy.project.dir", ".")).resolve("target/it-vault").toAbsolutePath();
        Files.createDirectories(vault);
        first = key();
        writeEntry("1:" + first);
        realm.server().restartWith(List.of("--vault=file", "--vault-dir=" + vault,
                "--spi-tenancy-kek--provider=vault"));
    }

    @AfterAll
    static void backToTheUsualServer() {
        realm.server().restartWith(List.of());
    }

    private static String key() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static void writeEntry(String material) throws IOException {
        Files.writeString(vault.resolve(realm.name().replace("_", "__") + "_tenancy-kek"), material);
    }

    private static HttpResult store(TestRealm in, String name, String value) {
        return Http.post(new TenancyApi(in).adminApi() + "/credentials", in.adminToken(), Json.object()
                .put("scope", "SYSTEM").put("name", name).put("provider", "smtp").put("type", "PASSWORD")
                .put("value", value));
    }

    private static HttpResult reveal(String id) {
        return Http.post(new TenancyApi(realm).adminApi() + "/credentials/" + id + "/reveal", realm.adminToken(), null);
    }

    @Test
    void theVaultEntryOfTheRealmIsTheKey() throws Exception {
        var provider = Http.get(realm.server().baseUrl() + "/admin/serverinfo", realm.adminToken()).json()
                .path("providers").path("tenancy-kek").path("providers").path("vault");
        assertThat(provider.path("operationalInfo").path("entry").asText()).isEqualTo("tenancy-kek");

        HttpResult stored = store(realm, "relay", "vault-sealed-password");
        TenancyApi.expect(201, stored, "store under the vault's KEK");
        String id = stored.json().path("id").asText();
        assertThat(stored.json().path("keyVersion").asInt()).isEqualTo(1);
        assertThat(reveal(id).json().path("value").asText()).isEqualTo("vault-sealed-password");

        HttpResult missing = store(withoutEntry, "relay", "nowhere-to-seal");
        TenancyApi.expect(503, missing, "a realm without a vault entry");
        assertThat(missing.json().path("errorMessage").asText()).contains("no entry 'tenancy-kek'")
                .contains(withoutEntry.name() + "_tenancy-kek");
        TenancyApi.expect(200, Http.get(new TenancyApi(withoutEntry).adminApi() + "/credentials", withoutEntry.adminToken()),
                "listing needs no key");

        // Version 2 joins; as the highest it seals new secrets, and a rewrap moves the old one to it.
        writeEntry("1:" + first + ",2:" + key());
        HttpResult second = store(realm, "second", "sealed-under-two");
        assertThat(second.json().path("keyVersion").asInt()).isEqualTo(2);
        TenancyApi.expect(202, Http.post(new TenancyApi(realm).adminApi() + "/keys/rewrap", realm.adminToken(), null),
                "rewrap");
        awaitNothingPending();
        assertThat(reveal(id).json().path("value").asText()).isEqualTo("vault-sealed-password");

        // A different version 2 in the vault: what was wrapped under the old one no longer authenticates.
        writeEntry("1:" + first + ",2:" + key());
        HttpResult wrongKey = reveal(id);
        TenancyApi.expect(500, wrongKey, "a secret under a replaced key");
        assertThat(wrongKey.json().path("errorMessage").asText()).contains("does not authenticate");
    }

    private static void awaitNothingPending() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Http.get(new TenancyApi(realm).adminApi() + "/keys", realm.adminToken()).json().path("pendingRewrap")
                .asLong() != 0) {
            assertThat(Instant.now()).as("rewrap done within 60 s").isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
