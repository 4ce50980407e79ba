package dev.tenancy.keycloak.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.credential.crypto.CredentialBinding;
import dev.tenancy.keycloak.credential.crypto.Envelope;
import dev.tenancy.keycloak.credential.crypto.KeyEncryptionKey;
import dev.tenancy.keycloak.credential.crypto.SealedSecret;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestKeys;
import dev.tenancy.keycloak.support.TestRealm;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The move to binding version 2 (provider and name in the AAD): a row sealed the old way — written here over
 * JDBC exactly as the server sealed rows before — still reveals, a new value moves it, a rewrap moves the
 * rest and they still reveal; afterwards a row renamed or moved to another provider in the database no
 * longer opens, and the API refuses a rename.
 */
class CredentialBindingIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static String credentials() {
        return new TenancyApi(realm).adminApi() + "/credentials";
    }

    private static String keys() {
        return new TenancyApi(realm).adminApi() + "/keys";
    }

    private static String create(String name, String value) {
        HttpResult created = Http.post(credentials(), realm.adminToken(), Json.object().put("scope", "SYSTEM")
                .put("name", name).put("provider", "smtp").put("type", "SECRET").put("value", value));
        TenancyApi.expect(201, created, "create " + name);
        return created.json().path("id").asText();
    }

    private static HttpResult reveal(String id) {
        return Http.post(credentials() + "/" + id + "/reveal", realm.adminToken(), null);
    }

    private static String revealed(String id) {
        HttpResult revealed = reveal(id);
        TenancyApi.expect(200, revealed, "reveal " + id);
        return revealed.json().path("value").asText();
    }

    @Test
    void oldRowsKeepOpeningUntilMovedAndRenamedRowsNeverOpen() throws Exception {
        String untouched = "old-untouched-" + UUID.randomUUID();
        String rotatedAway = "old-rotated-" + UUID.randomUUID();
        String oldId = create("old relay", "placeholder-1");
        String rotatedId = create("old backup", "placeholder-2");
        String freshId = create("fresh relay", "fresh-" + UUID.randomUUID());
        try (Connection db = realm.server().database().openJdbc()) {
            assertThat(bindingVersion(db, freshId)).as("new rows use the current binding")
                    .isEqualTo(CredentialBinding.CURRENT);
            sealTheOldWay(db, oldId, untouched);
            sealTheOldWay(db, rotatedId, "old-backup-value");
        }

        assertThat(revealed(oldId)).as("an old-binding row still opens").isEqualTo(untouched);
        assertThat(revealed(rotatedId)).isEqualTo("old-backup-value");
        assertThat(Http.get(keys(), realm.adminToken()).json().path("pendingRebind").asLong()).isEqualTo(2);

        TenancyApi.expect(200, Http.put(credentials() + "/" + rotatedId, realm.adminToken(),
                Json.object().put("value", rotatedAway)), "a new value");
        try (Connection db = realm.server().database().openJdbc()) {
            assertThat(bindingVersion(db, rotatedId)).as("a new value is sealed under the current binding")
                    .isEqualTo(CredentialBinding.CURRENT);
        }
        assertThat(revealed(rotatedId)).isEqualTo(rotatedAway);
        assertThat(Http.get(keys(), realm.adminToken()).json().path("pendingRebind").asLong()).isEqualTo(1);

        TenancyApi.expect(202, Http.post(keys() + "/rewrap", realm.adminToken(), null), "start the rewrap");
        JsonNode done = awaitCompletion();
        assertThat(done.path("pendingRebind").asLong()).isZero();
        assertThat(done.path("rewrap").path("rebound").asLong()).isEqualTo(1);
        assertThat(done.path("rewrap").path("unreadable").asLong()).isZero();
        try (Connection db = realm.server().database().openJdbc()) {
            assertThat(bindingVersion(db, oldId)).isEqualTo(CredentialBinding.CURRENT);
        }
        assertThat(revealed(oldId)).as("moved to the new binding, same value").isEqualTo(untouched);

        try (Connection db = realm.server().database().openJdbc()) {
            set(db, oldId, "NAME = 'renamed relay', NAME_KEY = 'renamed relay'");
            set(db, freshId, "PROVIDER = 'mailjet'");
        }
        for (String relabelled : new String[] {oldId, freshId}) {
            HttpResult refused = reveal(relabelled);
            TenancyApi.expect(500, refused, "a row renamed or moved to another provider in the database");
            assertThat(refused.json().path("errorMessage").asText()).contains("does not authenticate");
        }

        HttpResult rename = Http.put(credentials() + "/" + rotatedId, realm.adminToken(),
                Json.object().put("name", "renamed backup"));
        TenancyApi.expect(400, rename, "rename through the API");
        assertThat(rename.json().path("errorMessage").asText()).contains("Field 'name' cannot be changed");
        assertThat(revealed(rotatedId)).as("the refused rename changed nothing").isEqualTo(rotatedAway);
    }

    /** Seals {@code value} as the server did before binding version 2, under test KEK version 1, and marks the row so. */
    private static void sealTheOldWay(Connection db, String id, String value) throws Exception {
        String realmId;
        String scope;
        String ownerId;
        String type;
        try (PreparedStatement select = db.prepareStatement(
                "select REALM_ID, SCOPE, OWNER_ID, TYPE from TENANCY_CREDENTIAL where ID = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                realmId = row.getString(1);
                scope = row.getString(2);
                ownerId = row.getString(3);
                type = row.getString(4);
            }
        }
        KeyEncryptionKey kek = KeyEncryptionKey.of(1, Base64.getDecoder().decode(TestKeys.VERSION_1));
        // Provider and name play no part in version 1: anything here gives the same bytes.
        CredentialBinding old = new CredentialBinding(CredentialBinding.V1, realmId, scope, ownerId, id, type, null, null);
        SealedSecret sealed = Envelope.seal(value.getBytes(StandardCharsets.UTF_8), old, kek);
        try (PreparedStatement update = db.prepareStatement("update TENANCY_CREDENTIAL set CIPHERTEXT = ?,"
                + " WRAPPED_KEY = ?, KEK_VERSION = ?, BINDING_VERSION = ? where ID = ?")) {
            update.setString(1, sealed.ciphertext());
            update.setString(2, sealed.wrappedKey());
            update.setInt(3, sealed.kekVersion());
            update.setInt(4, CredentialBinding.V1);
            update.setString(5, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static int bindingVersion(Connection db, String id) throws Exception {
        try (PreparedStatement select = db.prepareStatement("select BINDING_VERSION from TENANCY_CREDENTIAL where ID = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getInt(1);
            }
        }
    }

    private static void set(Connection db, String id, String assignments) throws Exception {
        try (PreparedStatement update = db.prepareStatement(
                "update TENANCY_CREDENTIAL set " + assignments + " where ID = ?")) {
            update.setString(1, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static JsonNode awaitCompletion() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode status = Http.get(keys(), realm.adminToken()).json();
            if ("COMPLETED".equals(status.path("rewrap").path("state").asText())) {
                return status;
            }
            assertThat(Instant.now()).as("rewrap completed within 60 s; last status " + status).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
