package dev.tenancy.keycloak.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.KeycloakServer;
import dev.tenancy.keycloak.support.ManyTenants;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The token size benchmark ({@code mvn -Pbenchmark package -Dbench.main=dev.tenancy.keycloak.bench.TokenSizeBenchmark},
 * see docs/benchmarks.md): users in 1, 50 and 1,000 tenants; for each, the access token's bytes and the refresh
 * grant's throughput from three public clients — without our mapper, with it as by default (shape {@code roles},
 * limit 50) and with shape {@code full} (limit 50) — so that what the mapper adds stands apart from what Keycloak
 * itself costs for a user in many organizations. Throughput is the median of {@value #ROUNDS} rounds in which
 * every scenario runs in turn.
 */
public final class TokenSizeBenchmark {

    private static final int THREADS = 8;
    private static final int ROUNDS = 3;
    private static final int[] TENANTS = {1, 50, 1000};
    private static final Map<String, String> CLIENTS = clients();
    private static final HttpClient SLOW = HttpClient.newHttpClient();

    private TokenSizeBenchmark() {
    }

    private record Scenario(String client, int tenants, String username, String refreshToken, int accessTokenBytes) {

        String name() {
            return client + ", " + tenants + (tenants == 1 ? " tenant" : " tenants");
        }
    }

    private record Row(Scenario scenario, double medianPerSecond, double minPerSecond, double maxPerSecond,
            double p50Millis, long requests, long errors) {
    }

    public static void main(String[] args) throws Exception {
        Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmUpSeconds", 3));
        Duration slice = Duration.ofSeconds(Long.getLong("bench.seconds", 5));
        Path docs = Path.of(System.getProperty("tenancy.project.dir", ".")).resolve("docs");

        KeycloakServer.get();
        TestRealm realm = new TestRealm();
        realm.create("token-bench");
        TenancyApi tenancy = new TenancyApi(realm);
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-members"]}, "operator": {}, "member": {}},
                 "modules": {"billing": {"admin": "admin", "operator": "write", "member": "read"},
                             "reports": {"admin": "admin", "operator": "read"}}}
                """);
        long started = System.nanoTime();
        ManyTenants many = new ManyTenants(tenancy);
        List<String> tenants = many.create(TENANTS[TENANTS.length - 1]);
        for (int count : TENANTS) {
            String user = realm.createUser("in-" + count);
            if (count <= 50) {
                many.join(tenants.subList(0, count), user, n -> n % 10 == 0 ? "admin" : "member");
            } else {
                many.joinInDatabase(realm, tenants.subList(0, count), user, n -> n % 10 == 0 ? "admin" : "member");
            }
        }
        long setUpSeconds = (System.nanoTime() - started) / 1_000_000_000;
        CLIENTS.forEach((clientId, shape) -> client(realm, clientId, shape));

        List<Scenario> scenarios = new ArrayList<>();
        for (int count : TENANTS) {
            for (String clientId : CLIENTS.keySet()) {
                scenarios.add(scenario(realm, clientId, count));
            }
        }
        String organizationClaims = organizationClaims(realm);
        for (Scenario scenario : scenarios) {
            LoadRun.run(scenario.name(), THREADS, Duration.ZERO, warmUp, 200, refresh(realm, scenario));
        }
        List<List<LoadRun.Result>> rounds = new ArrayList<>();
        scenarios.forEach(scenario -> rounds.add(new ArrayList<>()));
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < scenarios.size(); i++) {
                rounds.get(i).add(LoadRun.run(scenarios.get(i).name(), THREADS, Duration.ZERO, slice, 200,
                        refresh(realm, scenarios.get(i))));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            rows.add(row(scenarios.get(i), rounds.get(i)));
        }

        String table = table(rows);
        System.out.println(table);
        BenchmarkPage.writeSection(docs.resolve("benchmarks.md"), "token-size",
                report(table, slice, warmUp, setUpSeconds) + organizationClaims);
        try {
            realm.delete();
        } catch (RuntimeException e) {
            System.err.println("The benchmark realm " + realm.name() + " was not deleted: " + e.getMessage());
        }
        System.exit(rows.stream().anyMatch(row -> row.errors() > 0) ? 1 : 0);
    }

    /** client id → our mapper's shape; null: no mapper of ours. */
    private static Map<String, String> clients() {
        Map<String, String> clients = new LinkedHashMap<>();
        clients.put("no-mapper", null);
        clients.put("defaults", "");
        clients.put("full", "full");
        return clients;
    }

    private static void client(TestRealm realm, String clientId, String shape) {
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/clients", realm.adminToken(), Json.object()
                .put("clientId", clientId).put("publicClient", true).put("directAccessGrantsEnabled", true)),
                "create client " + clientId);
        if (shape == null) {
            return;
        }
        ObjectNode mapper = Json.object().put("name", "tenancy claims").put("protocol", "openid-connect")
                .put("protocolMapper", "tenancy-claims-mapper");
        ObjectNode config = mapper.putObject("config").put("access.token.claim", "true")
                .put("id.token.claim", "true").put("tenancy.claim.tenants", "true").put("tenancy.claim.tenant", "true");
        if (!shape.isEmpty()) {
            config.put("tenancy.claim.tenants.shape", shape);
        }
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/clients/" + realm.clientUuid(clientId)
                + "/protocol-mappers/models", realm.adminToken(), mapper), "mapper of " + clientId);
    }

    /** A refresh token of the user from a password grant, checked once: the refresh grant answers 200. */
    private static Scenario scenario(TestRealm realm, String clientId, int tenants) throws Exception {
        String username = "in-" + tenants;
        HttpResponse<String> login = post(realm, "grant_type=password&client_id=" + encode(clientId) + "&username="
                + username + "&password=" + username);
        if (login.statusCode() != 200) {
            throw new IllegalStateException("password grant of " + username + " at " + clientId + ": " + login.body());
        }
        JsonNode answer = Json.parse(login.body());
        Scenario scenario = new Scenario(clientId, tenants, username, answer.path("refresh_token").asText(),
                answer.path("access_token").asText().length());
        JsonNode claims = TestRealm.decodeClaims(answer.path("access_token").asText());
        boolean cut = !"no-mapper".equals(clientId) && tenants > 50;
        if (cut != claims.has("tenants_truncated") || !"no-mapper".equals(clientId)
                && claims.path("tenants").size() != Math.min(tenants, 50)) {
            throw new IllegalStateException("unexpected claims for " + username + " at " + clientId + ": "
                    + claims.path("tenants").size() + " tenants, marker " + claims.path("tenants_truncated"));
        }
        HttpResponse<String> refreshed = post(realm, "grant_type=refresh_token&client_id=" + encode(clientId)
                + "&refresh_token=" + encode(scenario.refreshToken()));
        if (refreshed.statusCode() != 200) {
            throw new IllegalStateException("refresh grant of " + username + " at " + clientId + ": " + refreshed.body());
        }
        return scenario;
    }

    /**
     * Keycloak's own {@code organization} claim when a client asks for every organization ({@code organization:*}),
     * measured on the client without our mapper: it lists every alias of the user, whatever our options.
     */
    private static String organizationClaims(TestRealm realm) {
        StringBuilder table = new StringBuilder("\nKeycloak's own `organization` claim, password grant of the *no-mapper*"
                + " client with scope `organization:*` (every organization of the user; Keycloak's mapper, which"
                + " keycloak-tenancy leaves alone):\n\n| tenants | access token bytes | `organization` claim, JSON bytes |\n"
                + "|---:|---:|---:|\n");
        for (int count : TENANTS) {
            String username = "in-" + count;
            try {
                HttpResponse<String> login = post(realm, "grant_type=password&client_id=no-mapper&username=" + username
                        + "&password=" + username + "&scope=" + encode("organization:*"));
                if (login.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + login.statusCode() + " " + login.body());
                }
                String token = Json.parse(login.body()).path("access_token").asText();
                table.append(String.format(Locale.ROOT, "| %,d | %,d | %,d |%n", count, token.length(),
                        TestRealm.decodeClaims(token).path("organization").toString().length()));
            } catch (Exception e) {
                table.append(String.format(Locale.ROOT, "| %,d | failed: %s | |%n", count, e.getMessage()));
            }
        }
        return table.toString();
    }

    /** A form POST to the token endpoint that waits as long as Keycloak takes (minutes for 1,000 organizations on a busy machine). */
    private static HttpResponse<String> post(TestRealm realm, String form) throws Exception {
        return SLOW.send(HttpRequest.newBuilder(URI.create(realm.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static java.util.function.IntFunction<HttpRequest> refresh(TestRealm realm, Scenario scenario) {
        String body = "grant_type=refresh_token&client_id=" + encode(scenario.client()) + "&refresh_token="
                + encode(scenario.refreshToken());
        URI token = URI.create(realm.tokenUrl());
        return n -> HttpRequest.newBuilder(token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static Row row(Scenario scenario, List<LoadRun.Result> rounds) {
        double[] perSecond = rounds.stream().mapToDouble(LoadRun.Result::requestsPerSecond).sorted().toArray();
        double[] p50 = rounds.stream().mapToDouble(LoadRun.Result::p50Millis).sorted().toArray();
        return new Row(scenario, perSecond[perSecond.length / 2], perSecond[0], perSecond[perSecond.length - 1],
                p50[p50.length / 2], rounds.stream().mapToLong(LoadRun.Result::requests).sum(),
                rounds.stream().mapToLong(LoadRun.Result::errors).sum());
    }

    private static String table(List<Row> rows) {
        StringBuilder table = new StringBuilder("| tenants | client | access token bytes | refreshes/s (median) | "
                + "range of rounds | × no-mapper | p50 ms | requests | errors |\n"
                + "|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            double baseline = rows.stream()
                    .filter(other -> other.scenario().tenants() == row.scenario().tenants()
                            && other.scenario().client().equals("no-mapper"))
                    .findFirst().orElseThrow().medianPerSecond();
            table.append(String.format(Locale.ROOT, "| %,d | %s | %,d | %,.0f | %,.0f–%,.0f | %.2f | %.1f | %,d | %d |%n",
                    row.scenario().tenants(), row.scenario().client(), row.scenario().accessTokenBytes(),
                    row.medianPerSecond(), row.minPerSecond(), row.maxPerSecond(), row.medianPerSecond() / baseline,
                    row.p50Millis(), row.requests(), row.errors()));
        }
        return table.toString();
    }

    private static String report(String table, Duration slice, Duration warmUp, long setUpSeconds) {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return "## Token size — last run " + LocalDate.now() + "\n\n"
                + "Written by `dev.tenancy.keycloak.bench.TokenSizeBenchmark`; reproduce with `mvn -Pbenchmark package "
                + "-Dbench.main=dev.tenancy.keycloak.bench.TokenSizeBenchmark`.\n\n"
                + "Keycloak " + KeycloakServer.distributionVersion() + " in dev mode (H2), this jar, "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + "; JVM load generator on the same machine, " + THREADS + " connections, refresh grant"
                + " (`grant_type=refresh_token`, public client, the realm's default scopes, no `organization`"
                + " scope) with one refresh token per scenario. Users in 1, 50 and 1,000 tenants (aliases"
                + " `customer-0000` …, role `member`, `admin` in every tenth; two modules), made in " + setUpSeconds
                + " s. Clients: *no-mapper* (Keycloak alone), *defaults* (our mapper stored without the new options:"
                + " shape `roles`, limit 50) and *full* (shape `full`, limit 50). Each scenario is warmed up for "
                + warmUp.toSeconds() + " s, then measured in " + ROUNDS + " rounds of " + slice.toSeconds()
                + " s, all scenarios in turn in each round; the table gives the median round, the slowest and fastest"
                + " round, and the median over the *no-mapper* row of the same user. Access token bytes are the"
                + " compact JWT's length, the size of the `Authorization: Bearer` value. Load average when the run"
                + String.format(Locale.ROOT, " ended: %.1f", load) + " — the machine is shared, so read the ratios"
                + " within a round, not the absolute figures.\n\n"
                + table;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
