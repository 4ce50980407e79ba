package dev.tenancy.keycloak.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.secret.SecretHash;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.KeycloakServer;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
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
 * The API key benchmark ({@code mvn -Pbenchmark package}, see docs/benchmarks.md): one the Keycloak distribution in dev
 * mode with this jar, one JVM load generator at 16 connections, eight rows in one run — the realm's
 * discovery document as the floor, client credentials, Keycloak's token introspection of an active token, API
 * key exchange, API key introspection at Keycloak's endpoint ({@code token_type_hint=api_key}) and at the older
 * alias path with 100 keys, and at Keycloak's endpoint with 100,000 keys in the table (beside the floor again).
 * Scenarios are measured in slices taken in turn ({@link #interleaved}). Each scenario's answer is
 * checked once before the load (introspections must say active), then the load counts only status codes.
 * Writes the table and a chart.
 */
public final class ApiKeyBenchmark {

    private static final int THREADS = 16;
    private static final int KEYS = 100;
    private static final int TABLE_SIZE = 100_000;
    private static final int ROUNDS = 3;

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
        // Keycloak's introspection answers active only to a client in the token's audience.
        ObjectNode audience = Json.object().put("name", "own audience").put("protocol", "openid-connect")
                .put("protocolMapper", "oidc-audience-mapper");
        audience.putObject("config").put("included.client.audience", TestRealm.SERVICE_CLIENT)
                .put("access.token.claim", "true").put("introspection.token.claim", "true");
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/clients/" + realm.clientUuid(TestRealm.SERVICE_CLIENT)
                + "/protocol-mappers/models", realm.adminToken(), audience), "audience mapper");
        String basic = "Basic " + Base64.getEncoder().encodeToString((TestRealm.SERVICE_CLIENT + ":"
                + TestRealm.SERVICE_SECRET).getBytes(StandardCharsets.UTF_8));
        String accessToken = Http.postForm(realm.tokenUrl(), java.util.Map.of("grant_type", "client_credentials"),
                TestRealm.SERVICE_CLIENT + ":" + TestRealm.SERVICE_SECRET).json().path("access_token").asText();

        String wellKnown = realm.url() + "/.well-known/openid-configuration";
        String token = realm.tokenUrl();
        String introspect = realm.tokenUrl() + "/introspect";
        String aliasIntrospect = realm.url() + "/tenancy/api-keys/introspect";

        List<Scenario> scenarios = List.of(
                new Scenario("Floor: .well-known", n -> HttpRequest.newBuilder(URI.create(wellKnown)).GET().build()),
                new Scenario("Client credentials grant", n -> form(token, basic, "grant_type=client_credentials")),
                new Scenario("Keycloak token introspection", n -> form(introspect, basic, "token=" + accessToken)),
                new Scenario("API key exchange", n -> form(token, basic, "grant_type="
                        + encode("urn:tenancy:grant-type:api-key") + "&api_key=" + keys.get(n % KEYS))),
                new Scenario("API key introspection, 100 keys",
                        n -> form(introspect, basic, "token_type_hint=api_key&token=" + keys.get(n % KEYS))),
                new Scenario("API key introspection, alias path",
                        n -> form(aliasIntrospect, basic, "token=" + keys.get(n % KEYS))));
        for (Scenario scenario : scenarios) {
            requireWorking(scenario);
        }
        // Warm the whole server (JIT, pools, caches) on every scenario first, so that order does not favour any.
        for (Scenario scenario : scenarios) {
            LoadRun.run(scenario.name(), THREADS, Duration.ZERO, warmUp, 200, scenario.request());
        }
        List<LoadRun.Result> results = new ArrayList<>(interleaved(scenarios, measured));
        long filler = fill(server, realm, tenant, owner, TABLE_SIZE - KEYS);
        Scenario floorAfter = new Scenario("Floor, after the fill", scenarios.get(0).request());
        Scenario large = new Scenario("API key introspection, 100,000 keys",
                n -> form(introspect, basic, "token_type_hint=api_key&token=" + keys.get(n % KEYS)));
        requireWorking(large);
        LoadRun.run(large.name(), THREADS, Duration.ZERO, warmUp, 200, large.request());
        results.addAll(interleaved(List.of(floorAfter, large), measured));

        String table = table(results);
        System.out.println(table);
        BenchmarkPage.writeSection(docs.resolve("benchmarks.md"), "api-keys", report(results, table, measured, filler));
        BenchmarkChart.write(results, "keycloak-tenancy API keys — Keycloak " + KeycloakServer.distributionVersion() + " dev mode, "
                + Runtime.getRuntime().availableProcessors() + " cores", docs.resolve("benchmarks-api-keys.png"));
        try {
            realm.delete();
        } catch (RuntimeException e) {
            System.err.println("The benchmark realm " + realm.name() + " was not deleted: " + e.getMessage());
        }
        System.exit(results.stream().anyMatch(result -> result.errors() > 0) ? 1 : 0);
    }

    private record Scenario(String name, java.util.function.IntFunction<HttpRequest> request) {
    }

    /**
     * Each scenario measured for {@code measured} in total, in {@value #ROUNDS} slices taken in turn (A B C A B
     * C …): on a machine shared with other work, a change in the background load then touches every scenario
     * alike instead of the one that happened to run at the time, and the ratios stay meaningful. Throughput is
     * all requests over all slices; p50 is the median of the slices' p50, p99 the highest slice's p99.
     */
    private static List<LoadRun.Result> interleaved(List<Scenario> scenarios, Duration measured)
            throws InterruptedException {
        Duration slice = measured.dividedBy(ROUNDS);
        List<List<LoadRun.Result>> slices = new ArrayList<>();
        scenarios.forEach(scenario -> slices.add(new ArrayList<>()));
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario scenario = scenarios.get(i);
                slices.get(i).add(LoadRun.run(scenario.name(), THREADS, Duration.ZERO, slice, 200,
                        scenario.request()));
            }
        }
        List<LoadRun.Result> merged = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            List<LoadRun.Result> parts = slices.get(i);
            long requests = parts.stream().mapToLong(LoadRun.Result::requests).sum();
            double[] p50 = parts.stream().mapToDouble(LoadRun.Result::p50Millis).sorted().toArray();
            merged.add(new LoadRun.Result(scenarios.get(i).name(), requests / (slice.toNanos() * ROUNDS / 1e9),
                    p50[p50.length / 2], parts.stream().mapToDouble(LoadRun.Result::p99Millis).max().orElse(0),
                    requests, parts.stream().mapToLong(LoadRun.Result::errors).sum()));
        }
        return merged;
    }

    /** One request of the scenario must succeed, and an introspection must find its token active. */
    private static void requireWorking(Scenario scenario) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(scenario.request().apply(0),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        boolean introspection = scenario.name().contains("introspection");
        if (answer.statusCode() != 200 || introspection && !Json.parse(answer.body()).path("active").asBoolean()) {
            throw new IllegalStateException(scenario.name() + " does not work: HTTP " + answer.statusCode() + " "
                    + answer.body());
        }
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
        double alias100 = results.get(5).requestsPerSecond();
        double floorAfter = results.get(6).requestsPerSecond();
        double keys100k = results.get(7).requestsPerSecond();
        return "## API keys — last run " + LocalDate.now() + "\n\n"
                + "Written by `dev.tenancy.keycloak.bench.ApiKeyBenchmark`; reproduce with `mvn -Pbenchmark package`.\n\n"
                + "Keycloak " + KeycloakServer.distributionVersion() + " in dev mode (H2), this jar, " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + "; JVM load generator on the same machine, "
                + THREADS + " connections. Every scenario first runs once as warm-up; then each is measured for "
                + measured.toSeconds() + " s in " + ROUNDS + " slices taken in turn with the others (so that a"
                + " change in the machine's other load touches all alike; p50 is the median of the slices', p99 the"
                + " highest). The 100,000-key row is measured after inserting the filler keys and another warm-up,"
                + " in turn with the floor again, and compared with the 100-key row each relative to its own floor."
                + " Key introspection goes to Keycloak's endpoint"
                + " (`…/protocol/openid-connect/token/introspect`, `token_type_hint=api_key`) unless the row says"
                + " alias path (`…/tenancy/api-keys/introspect`, 100 keys); Keycloak's token introspection"
                + " introspects an active client-credentials token whose audience names the introspecting client."
                + " Before the load, one"
                + " request of each scenario is checked: 200, and `active: true` for every introspection.\n\n"
                + table + "\n"
                + "![throughput per scenario](benchmarks-api-keys.png)\n\n"
                + "| target | measured | met |\n|---|---:|---|\n"
                + target("key introspection ≥ 1.5 × Keycloak token introspection", keys100 / tokenIntrospection, 1.5)
                + target("key introspection ≥ 0.7 × floor", keys100 / floor, 0.7)
                + target("exchange ≥ 0.9 × client credentials", exchange / clientCredentials, 0.9)
                + target("100,000 keys within 1.2 × of 100 (throughput ratio, each to its floor, ≥ 1/1.2)",
                        (keys100k / floorAfter) / (keys100 / floor), 1 / 1.2)
                + String.format(Locale.ROOT, "| (no target) Keycloak's endpoint ÷ alias path, 100 keys | %.2f | |%n",
                        keys100 / alias100)
                + "\nThe 99,900 filler rows were inserted over JDBC in " + fillMillis + " ms (random hashes, same"
                + " owner and tenant).\n";
    }

    private static String target(String what, double ratio, double needed) {
        return String.format(Locale.ROOT, "| %s | %.2f | %s |%n", what, ratio, ratio >= needed ? "yes" : "**no**");
    }
}
