package dev.tenancy.keycloak.bench;

import dev.tenancy.keycloak.secret.SecretHash;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.KeycloakServer;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The API key benchmark ({@code mvn -Pbenchmark verify}, see docs/benchmarks.md): one Keycloak 26.7.3 in dev
 * mode with this jar, one JVM load generator at 16 connections, six scenarios in one run — the realm's
 * discovery document as the floor, client credentials, Keycloak's token introspection, API key exchange and
 * API key introspection with 100 and with 100,000 keys in the table. Writes the table and a chart.
 */
public final class ApiKeyBenchmark {

    private static final int THREADS = 16;
    private static final int KEYS = 100;
    private static final int TABLE_SIZE = 100_000;

    private ApiKeyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmUpSeconds", 10));
        Duration measured = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
        Path docs = Path.of(System.getProperty("tenancy.project.dir", ".")).resolve("docs");

        KeycloakServer server = KeycloakServer.get();
        TestRealm realm = new TestRealm();
        realm.create("bench");
        TenancyApi tenancy = new TenancyApi(realm);
        tenancy.configure("""
                {"roles": {"operator": {}, "member": {}},
                 "modules": {"billing": {"operator": "write", "member": "read"}},
                 "apiKeyClients": ["tenancy-service"]}
                """);
        String tenant = tenancy.createTenant("acme");
        String owner = realm.createUser("bench");
        tenancy.setRoles(tenant, owner, "operator");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            HttpResult created = Http.post(tenancy.selfService() + "/me/api-keys", realm.userToken("bench"),
                    "{\"name\": \"bench-" + i + "\", \"tenantId\": \"" + tenant + "\", \"scopes\": [\"billing:read\"]}");
            TenancyApi.expect(201, created, "create key");
            keys.add(created.json().path("key").asText());
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString((TestRealm.SERVICE_CLIENT + ":"
                + TestRealm.SERVICE_SECRET).getBytes(StandardCharsets.UTF_8));
        String accessToken = Http.postForm(realm.tokenUrl(), java.util.Map.of("grant_type", "client_credentials"),
                TestRealm.SERVICE_CLIENT + ":" + TestRealm.SERVICE_SECRET).json().path("access_token").asText();

        String wellKnown = realm.url() + "/.well-known/openid-configuration";
        String token = realm.tokenUrl();
        String introspect = realm.tokenUrl() + "/introspect";
        String keyIntrospect = realm.url() + "/tenancy/api-keys/introspect";

        List<Scenario> scenarios = List.of(
                new Scenario("Floor: .well-known", n -> HttpRequest.newBuilder(URI.create(wellKnown)).GET().build()),
                new Scenario("Client credentials grant", n -> form(token, basic, "grant_type=client_credentials")),
                new Scenario("Keycloak token introspection", n -> form(introspect, basic, "token=" + accessToken)),
                new Scenario("API key exchange", n -> form(token, basic, "grant_type="
                        + encode("urn:tenancy:grant-type:api-key") + "&api_key=" + keys.get(n % KEYS))),
                new Scenario("API key introspection, 100 keys",
                        n -> form(keyIntrospect, basic, "token=" + keys.get(n % KEYS))));
        // Warm the whole server (JIT, pools, caches) on every scenario first, so that order does not favour any.
        for (Scenario scenario : scenarios) {
            LoadRun.run(scenario.name(), THREADS, Duration.ZERO, warmUp, 200, scenario.request());
        }
        List<LoadRun.Result> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            results.add(LoadRun.run(scenario.name(), THREADS, Duration.ZERO, measured, 200, scenario.request()));
        }
        long filler = fill(server, realm, tenant, owner, TABLE_SIZE - KEYS);
        Scenario large = new Scenario("API key introspection, 100,000 keys",
                n -> form(keyIntrospect, basic, "token=" + keys.get(n % KEYS)));
        results.add(LoadRun.run(large.name(), THREADS, warmUp, measured, 200, large.request()));

        String table = table(results);
        System.out.println(table);
        BenchmarkPage.writeSection(docs.resolve("benchmarks.md"), "api-keys", report(results, table, measured, filler));
        BenchmarkChart.write(results, "keycloak-tenancy API keys — Keycloak 26.7.3 dev mode, "
                + Runtime.getRuntime().availableProcessors() + " cores", docs.resolve("benchmarks-api-keys.png"));
        realm.delete();
        System.exit(results.stream().anyMatch(result -> result.errors() > 0) ? 1 : 0);
    }

    private record Scenario(String name, java.util.function.IntFunction<HttpRequest> request) {
    }

    private static HttpRequest form(String url, String basic, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(body))
                .build();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Adds revoked-looking filler keys (random hashes) of the same owner and tenant straight into the table. */
    private static long fill(KeycloakServer server, TestRealm realm, String tenant, String owner, int count)
            throws Exception {
        long started = System.nanoTime();
        String realmId = realm.id();
        try (Connection connection = server.database().openJdbc()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into TENANCY_API_KEY (ID, REALM_ID,"
                    + " TENANT_ID, USER_ID, NAME, KEY_PREFIX, KEY_HASH, SCOPES, CREATED_AT) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    String id = UUID.randomUUID().toString();
                    insert.setString(1, id);
                    insert.setString(2, realmId);
                    insert.setString(3, tenant);
                    insert.setString(4, owner);
                    insert.setString(5, "filler-" + i);
                    insert.setString(6, "tnc_filler");
                    insert.setString(7, SecretHash.sha256Hex(id));
                    insert.setString(8, "billing:read");
                    insert.setLong(9, System.currentTimeMillis());
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

    private static String table(List<LoadRun.Result> results) {
        double floor = results.get(0).requestsPerSecond();
        StringBuilder table = new StringBuilder("| scenario | requests/s | × floor | p50 ms | p99 ms | requests | errors |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        for (LoadRun.Result result : results) {
            table.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.1f | %.1f | %,d | %d |%n",
                    result.name(), result.requestsPerSecond(), result.requestsPerSecond() / floor,
                    result.p50Millis(), result.p99Millis(), result.requests(), result.errors()));
        }
        return table.toString();
    }

    private static String report(List<LoadRun.Result> results, String table, Duration measured, long fillMillis) {
        double floor = results.get(0).requestsPerSecond();
        double clientCredentials = results.get(1).requestsPerSecond();
        double tokenIntrospection = results.get(2).requestsPerSecond();
        double exchange = results.get(3).requestsPerSecond();
        double keys100 = results.get(4).requestsPerSecond();
        double keys100k = results.get(5).requestsPerSecond();
        return "## API keys — last run " + LocalDate.now() + "\n\n"
                + "Written by `dev.tenancy.keycloak.bench.ApiKeyBenchmark`; reproduce with `mvn -Pbenchmark package`.\n\n"
                + "Keycloak 26.7.3 in dev mode (H2), this jar, " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + "; JVM load generator on the same machine, "
                + THREADS + " connections. Every scenario first runs once as warm-up (" + measured.toSeconds()
                + " s measured per scenario after that); the 100,000-key row is measured after inserting the"
                + " filler keys and another warm-up.\n\n"
                + table + "\n"
                + "![throughput per scenario](benchmarks-api-keys.png)\n\n"
                + "| target | measured | met |\n|---|---:|---|\n"
                + target("key introspection ≥ 1.5 × Keycloak token introspection", keys100 / tokenIntrospection, 1.5)
                + target("key introspection ≥ 0.7 × floor", keys100 / floor, 0.7)
                + target("exchange ≥ 0.9 × client credentials", exchange / clientCredentials, 0.9)
                + target("100,000 keys within 1.2 × of 100 (throughput ratio ≥ 1/1.2)", keys100k / keys100, 1 / 1.2)
                + "\nThe 99,900 filler rows were inserted over JDBC in " + fillMillis + " ms (random hashes, same"
                + " owner and tenant).\n";
    }

    private static String target(String what, double ratio, double needed) {
        return String.format(Locale.ROOT, "| %s | %.2f | %s |%n", what, ratio, ratio >= needed ? "yes" : "**no**");
    }
}
