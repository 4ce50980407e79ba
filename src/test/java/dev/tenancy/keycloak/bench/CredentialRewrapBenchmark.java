package dev.tenancy.keycloak.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.credential.crypto.CredentialBinding;
import dev.tenancy.keycloak.credential.crypto.Envelope;
import dev.tenancy.keycloak.credential.crypto.KeyEncryptionKey;
import dev.tenancy.keycloak.credential.crypto.SealedSecret;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.KeycloakServer;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestKeys;
import dev.tenancy.keycloak.support.TestRealm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The KEK rewrap benchmark ({@code mvn -Pbenchmark package -Dbench.main=dev.tenancy.keycloak.bench.CredentialRewrapBenchmark},
 * see docs/benchmarks.md): 10,000 credentials sealed under KEK version 1 are inserted, then the realm is
 * rotated 1 → 2 → 1 → 2 and each rewrap is timed from the POST to the moment the status reports it complete.
 * Afterwards a sample of credentials is revealed through the API and compared with the values stored.
 */
public final class CredentialRewrapBenchmark {

    private static final int CREDENTIALS = 10_000;
    private static final int SAMPLE = 200;
    private static final double TARGET_SECONDS = 10;

    private CredentialRewrapBenchmark() {
    }

    private record Run(int from, int to, long clientMillis, long serverMillis, long rewrapped) {
    }

    public static void main(String[] args) throws Exception {
        Path docs = Path.of(System.getProperty("tenancy.project.dir", ".")).resolve("docs");
        KeycloakServer server = KeycloakServer.get();
        TestRealm realm = new TestRealm();
        realm.create("rewrap-bench");
        TenancyApi tenancy = new TenancyApi(realm);
        Map<String, String> values = new LinkedHashMap<>();
        long fillMillis = fill(server, realm, values);

        List<Run> runs = new ArrayList<>();
        int from = 1;
        for (int to : new int[] {2, 1, 2}) {
            runs.add(rewrap(tenancy, realm, from, to));
            from = to;
        }
        int checked = 0;
        for (Map.Entry<String, String> stored : values.entrySet()) {
            if (checked++ % (CREDENTIALS / SAMPLE) != 0) {
                continue;
            }
            HttpResult revealed = Http.post(tenancy.adminApi() + "/credentials/" + stored.getKey() + "/reveal",
                    realm.adminToken(), null);
            if (revealed.status() != 200 || !stored.getValue().equals(revealed.json().path("value").asText())) {
                throw new IllegalStateException("credential " + stored.getKey() + " does not reveal its value: " + revealed);
            }
        }

        String report = report(runs, fillMillis);
        System.out.println(report);
        BenchmarkPage.writeSection(docs.resolve("benchmarks.md"), "credential-rewrap", report);
        realm.delete();
        System.exit(runs.stream().allMatch(run -> run.serverMillis() < TARGET_SECONDS * 1000
                && run.rewrapped() == CREDENTIALS) ? 0 : 1);
    }

    /** Inserts the credentials over JDBC, sealed exactly as the server seals them, under the test KEK version 1. */
    private static long fill(KeycloakServer server, TestRealm realm, Map<String, String> values) throws Exception {
        long started = System.nanoTime();
        KeyEncryptionKey kek = KeyEncryptionKey.of(1, Base64.getDecoder().decode(TestKeys.VERSION_1));
        String realmId = realm.id();
        try (Connection connection = server.database().openJdbc()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into TENANCY_CREDENTIAL (ID, REALM_ID,"
                    + " SCOPE, OWNER_ID, NAME, NAME_KEY, PROVIDER, TYPE, CIPHERTEXT, WRAPPED_KEY, KEK_VERSION,"
                    + " MASKED_VALUE, ACTIVE, CREATED_AT, UPDATED_AT, BINDING_VERSION) values (?, ?, 'SYSTEM', ?, ?, ?,"
                    + " 'bench', 'SECRET', ?, ?, ?, '••••••••', ?, ?, ?, " + CredentialBinding.CURRENT + ")")) {
                for (int i = 0; i < CREDENTIALS; i++) {
                    String id = UUID.randomUUID().toString();
                    String value = "bench-secret-" + i + "-" + UUID.randomUUID();
                    SealedSecret sealed = Envelope.seal(value.getBytes(StandardCharsets.UTF_8),
                            new CredentialBinding(CredentialBinding.CURRENT, realmId, "SYSTEM", realmId, id, "SECRET",
                                    "bench", "credential " + i), kek);
                    values.put(id, value);
                    insert.setString(1, id);
                    insert.setString(2, realmId);
                    insert.setString(3, realmId);
                    insert.setString(4, "credential " + i);
                    insert.setString(5, "credential " + i);
                    insert.setString(6, sealed.ciphertext());
                    insert.setString(7, sealed.wrappedKey());
                    insert.setInt(8, sealed.kekVersion());
                    insert.setBoolean(9, true);
                    insert.setLong(10, System.currentTimeMillis());
                    insert.setLong(11, System.currentTimeMillis());
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static Run rewrap(TenancyApi tenancy, TestRealm realm, int from, int to) throws InterruptedException {
        String keys = tenancy.adminApi() + "/keys";
        TenancyApi.expect(200, Http.post(keys + "/rotate", realm.adminToken(), "{\"version\": " + to + "}"), "rotate");
        Instant posted = Instant.now();
        TenancyApi.expect(202, Http.post(keys + "/rewrap", realm.adminToken(), null), "start the rewrap");
        JsonNode status;
        while (true) {
            status = Http.get(keys, realm.adminToken()).json();
            String state = status.path("rewrap").path("state").asText();
            if ("COMPLETED".equals(state)) {
                break;
            }
            if (!"RUNNING".equals(state)) {
                throw new IllegalStateException("rewrap ended as " + status);
            }
            Thread.sleep(20);
        }
        long clientMillis = Duration.between(posted, Instant.now()).toMillis();
        long serverMillis = Duration.between(Instant.parse(status.path("rewrap").path("startedAt").asText()),
                Instant.parse(status.path("rewrap").path("finishedAt").asText())).toMillis();
        if (status.path("pendingRewrap").asLong() != 0) {
            throw new IllegalStateException("rewrap left work: " + status);
        }
        return new Run(from, to, clientMillis, serverMillis, status.path("rewrap").path("rewrapped").asLong());
    }

    private static String report(List<Run> runs, long fillMillis) {
        StringBuilder table = new StringBuilder("| run | credentials rewrapped | server s | seen by the client s |"
                + " credentials/s | < 10 s |\n|---|---:|---:|---:|---:|---|\n");
        for (Run run : runs) {
            table.append(String.format(Locale.ROOT, "| version %d → %d | %,d | %.2f | %.2f | %,.0f | %s |%n",
                    run.from(), run.to(), run.rewrapped(), run.serverMillis() / 1000.0, run.clientMillis() / 1000.0,
                    run.rewrapped() * 1000.0 / Math.max(1, run.serverMillis()),
                    run.serverMillis() < TARGET_SECONDS * 1000 ? "yes" : "**no**"));
        }
        return "## Credential KEK rewrap — last run " + LocalDate.now() + "\n\n"
                + "Written by `dev.tenancy.keycloak.bench.CredentialRewrapBenchmark`; reproduce with"
                + " `mvn -Pbenchmark package -Dbench.main=dev.tenancy.keycloak.bench.CredentialRewrapBenchmark`.\n\n"
                + "Keycloak " + KeycloakServer.distributionVersion() + " in dev mode (H2), this jar, " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + "; rewrap batches of "
                + System.getProperty("tenancy.test.rewrapBatchSize") + " credentials per transaction, no pause. "
                + String.format(Locale.ROOT, "%,d", CREDENTIALS) + " credentials were sealed under KEK version 1 and"
                + " inserted over JDBC (" + fillMillis + " ms); the realm was then rotated three times, each rewrap"
                + " timed by the server (its run's start and finish) and by the client (from the POST until the"
                + " status said complete, polling every 20 ms). Afterwards " + SAMPLE + " credentials spread over"
                + " the table were revealed through the API and matched their values.\n\n"
                + table;
    }
}
