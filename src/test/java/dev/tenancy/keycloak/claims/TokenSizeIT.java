package dev.tenancy.keycloak.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.ManyTenants;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The access token of users in 1, 50 and 1,000 tenants with the mapper's default options (the realm's
 * {@code tenancy} scope, made with them, and a mapper stored without them as in realms from before), the shapes,
 * the truncation marker and the refused options. The sizes of every case go to
 * {@code target/token-sizes-<database>.txt}.
 *
 * <p>The user in 1,000 tenants exists in the H2 run only: what is asserted of that token does not depend on the
 * database, and making 1,000 organizations and issuing tokens for a member of all of them (Keycloak itself runs
 * a query per organization for each token) would add minutes to each of the three runs. The cut itself, the
 * active tenant's place in it and the marker are asserted on every database with a limit of 2.
 */
class TokenSizeIT {

    /** nginx's default {@code large_client_header_buffers} is 8k: the whole {@code Authorization} line fits in it. */
    private static final int HEADER_BUFFER = 8192;
    private static final int THOUSAND = 1000;
    private static final int FIFTY = 50;
    private static final String LEGACY = "mapper-without-options";
    private static final String PLAIN = "no-tenancy-mapper";
    private static final String FULL_FIFTY = "full-limit-50";
    private static final Map<String, String> SIZES = new LinkedHashMap<>();
    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static TenancyApi tenancy;
    private static List<String> tenants;
    private static String inThree;
    private static boolean thousand;

    @BeforeAll
    static void usersInOneFiftyAndAThousandTenants() {
        tenancy = new TenancyApi(realm);
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-members"]}, "operator": {}, "member": {}},
                 "modules": {"billing": {"admin": "admin", "operator": "write", "member": "read"},
                             "reports": {"admin": "admin", "operator": "read"}}}
                """);
        thousand = "h2".equals(realm.server().database().name());
        long started = System.nanoTime();
        ManyTenants many = new ManyTenants(tenancy);
        tenants = many.create(thousand ? THOUSAND : FIFTY);
        tenancy.setRoles(tenants.get(0), realm.createUser("in-one"), "admin");
        many.join(tenants.subList(0, FIFTY), realm.createUser("in-fifty"), n -> n % 2 == 0 ? "member" : "operator");
        if (thousand) {
            many.joinInDatabase(realm, tenants, realm.createUser("in-thousand"), n -> n % 100 == 0 ? "admin" : "member");
        }
        inThree = realm.createUser("in-three");
        tenancy.setRoles(tenants.get(0), inThree, "admin");
        tenancy.setRoles(tenants.get(1), inThree, "member", "operator");
        tenancy.setRoles(tenants.get(2), inThree, "member");
        SIZES.put("set-up (" + tenants.size() + " tenants) seconds",
                Long.toString((System.nanoTime() - started) / 1_000_000_000));

        createClient(PLAIN);
        createClient(LEGACY);
        expectMapper(LEGACY, mapper(null, null));
        createClient(FULL_FIFTY);
        expectMapper(FULL_FIFTY, mapper("full", "50"));
        for (String shape : List.of("full", "roles", "aliases")) {
            createClient("shape-" + shape);
            expectMapper("shape-" + shape, mapper(shape, "2"));
        }
    }

    @AfterAll
    static void writeTheSizes() throws IOException {
        StringBuilder report = new StringBuilder("database=" + realm.server().database().name()
                + " access token bytes (password grant, the realm's default scopes)\n");
        SIZES.forEach((what, size) -> report.append(what).append(": ").append(size).append('\n'));
        System.out.print(report);
        Path target = Path.of(System.getProperty("tenancy.project.dir", "."), "target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("token-sizes-" + realm.server().database().name() + ".txt"), report);
    }

    @Test
    void aUserInFiftyTenantsGetsThemAllWithTheirRolesUnder8KB() {
        for (String client : List.of(TestRealm.TEST_CLIENT, LEGACY)) {
            String token = token(client, "in-fifty", null);
            JsonNode claims = TestRealm.decodeClaims(token);

            assertThat(token.length()).as(client).isLessThan(HEADER_BUFFER);
            assertThat(Json.fieldNames(claims.path("tenants"))).as(client).containsExactlyElementsOf(aliases(0, FIFTY));
            assertThat(claims.path("tenants").path(ManyTenants.alias(1)).toString()).isEqualTo("{\"roles\":[\"operator\"]}");
            assertThat(claims.has("tenants_truncated")).as(client).isFalse();
        }
    }

    @Test
    void aUserInAThousandTenantsGetsTheFirstFiftyAndWhereToReadTheRestUnder8KB() {
        assumeThousand();
        for (String client : List.of(TestRealm.TEST_CLIENT, LEGACY)) {
            String token = token(client, "in-thousand", null);
            JsonNode claims = TestRealm.decodeClaims(token);

            assertThat(token.length()).as(client).isLessThan(HEADER_BUFFER);
            assertThat(Json.fieldNames(claims.path("tenants"))).as(client).containsExactlyElementsOf(aliases(0, FIFTY));
            assertThat(claims.path("tenants_truncated").toString()).as(client)
                    .isEqualTo("{\"total\":1000,\"url\":\"" + realm.url() + "/tenancy/me/tenants\"}");
        }
    }

    @Test
    void theAddressInTheMarkerListsEveryTenant() {
        assumeThousand();
        String url = TestRealm.decodeClaims(token(TestRealm.TEST_CLIENT, "in-thousand", null))
                .path("tenants_truncated").path("url").asText();

        HttpResult all = Http.get(url, freshToken(TestRealm.TEST_CLIENT, "in-thousand", null));

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().size()).isEqualTo(THOUSAND);
    }

    @Test
    void theActiveTenantIsAlwaysListedAndInFullInTenant() {
        assumeThousand();
        String active = ManyTenants.alias(700);
        String token = token(TestRealm.TEST_CLIENT, "in-thousand", "organization:" + active);
        JsonNode claims = TestRealm.decodeClaims(token);
        SIZES.put("1,000 tenants, default options, scope organization:<alias>", Integer.toString(token.length()));

        assertThat(token.length()).isLessThan(HEADER_BUFFER);
        List<String> listed = new ArrayList<>(aliases(0, FIFTY - 1));
        listed.add(active);
        assertThat(Json.fieldNames(claims.path("tenants"))).containsExactlyElementsOf(listed);
        assertThat(claims.path("tenants").path(active).toString()).isEqualTo("{\"roles\":[\"admin\"]}");
        assertThat(claims.path("tenant").toString()).isEqualTo("{\"id\":\"" + tenants.get(700) + "\",\"alias\":\""
                + active + "\",\"roles\":[\"admin\"],\"modules\":{\"billing\":\"admin\",\"reports\":\"admin\"}}");
        assertThat(claims.path("tenants_truncated").path("total").asInt()).isEqualTo(THOUSAND);
    }

    @ParameterizedTest
    @CsvSource({"0, '0 1'", "1, '0 1'", "2, '0 2'"})
    void theActiveTenantTakesTheLastPlaceOnlyWhenItIsNotAmongTheFirst(int active, String listed) {
        JsonNode claims = TestRealm.decodeClaims(token("shape-roles", "in-three",
                "organization:" + ManyTenants.alias(active)));

        assertThat(Json.fieldNames(claims.path("tenants"))).containsExactly(
                java.util.Arrays.stream(listed.split(" ")).map(n -> ManyTenants.alias(Integer.parseInt(n))).toArray(String[]::new));
        assertThat(claims.path("tenant").path("alias").asText()).isEqualTo(ManyTenants.alias(active));
        assertThat(claims.path("tenant").path("modules").size()).isEqualTo(2);
        assertThat(claims.path("tenants_truncated").path("total").asInt()).isEqualTo(3);
    }

    @Test
    void eachShapeWritesExactlyItsFields() {
        String first = ManyTenants.alias(0);
        String second = ManyTenants.alias(1);
        String marker = "\"tenants_truncated\":{\"total\":3,\"url\":\"" + realm.url() + "/tenancy/me/tenants\"}";

        assertThat(tenantsAndMarker("shape-full")).isEqualTo("{\"tenants\":{"
                + "\"" + first + "\":{\"id\":\"" + tenants.get(0) + "\",\"name\":\"" + first.toUpperCase(Locale.ROOT)
                + "\",\"roles\":[\"admin\"],\"modules\":{\"billing\":\"admin\",\"reports\":\"admin\"}},"
                + "\"" + second + "\":{\"id\":\"" + tenants.get(1) + "\",\"name\":\"" + second.toUpperCase(Locale.ROOT)
                + "\",\"roles\":[\"member\",\"operator\"],\"modules\":{\"billing\":\"write\",\"reports\":\"read\"}}},"
                + marker + "}");
        assertThat(tenantsAndMarker("shape-roles")).isEqualTo("{\"tenants\":{"
                + "\"" + first + "\":{\"roles\":[\"admin\"]},"
                + "\"" + second + "\":{\"roles\":[\"member\",\"operator\"]}}," + marker + "}");
        assertThat(tenantsAndMarker("shape-aliases")).isEqualTo("{\"tenants\":{"
                + "\"" + first + "\":{},\"" + second + "\":{}}," + marker + "}");
    }

    @Test
    void aUserInOneTenantGetsItWithoutAMarker() {
        String token = token(TestRealm.TEST_CLIENT, "in-one", null);
        JsonNode claims = TestRealm.decodeClaims(token);

        assertThat(claims.path("tenants").toString()).isEqualTo("{\"" + ManyTenants.alias(0) + "\":{\"roles\":[\"admin\"]}}");
        assertThat(claims.has("tenants_truncated")).isFalse();
    }

    @Test
    void theRealmsOwnScopeHasTheMapperWithTheDefaultsWrittenOut() {
        JsonNode mappers = Http.get(realm.adminUrl() + "/client-scopes/" + realm.clientScopeId(TestRealm.TENANCY_SCOPE)
                + "/protocol-mappers/models", realm.adminToken()).json();
        JsonNode claims = null;
        for (JsonNode mapper : mappers) {
            if ("tenancy-claims-mapper".equals(mapper.path("protocolMapper").asText())) {
                claims = mapper.path("config");
            }
        }

        assertThat(claims).isNotNull();
        assertThat(claims.path("tenancy.claim.tenants.shape").asText()).isEqualTo("roles");
        assertThat(claims.path("tenancy.claim.tenants.limit").asText()).isEqualTo("50");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "compact | 10   | the shape of the tenants claim must be one of full, roles, aliases",
        "FULL    | 10   | the shape of the tenants claim must be one of full, roles, aliases",
        "roles   | 0    | the limit of the tenants claim must be a whole number from 1 to 250",
        "roles   | -3   | the limit of the tenants claim must be a whole number from 1 to 250",
        "roles   | 251  | the limit of the tenants claim must be a whole number from 1 to 250",
        "aliases | many | the limit of the tenants claim must be a whole number from 1 to 250",
    })
    void badOptionsAreRefusedByTheAdminApiAndNothingIsStored(String shape, String limit, String message) {
        String mappers = realm.adminUrl() + "/clients/" + realm.clientUuid(PLAIN) + "/protocol-mappers/models";

        HttpResult refused = Http.post(mappers, realm.adminToken(), mapper(shape, limit));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error_description").asText()).isEqualTo("Tenancy claims: " + message);
        assertThat(Http.get(mappers, realm.adminToken()).json().size()).isZero();
    }

    @Test
    void anUpdateWithABadLimitIsRefusedAndTheMapperStaysAsItWas() {
        String mappers = realm.adminUrl() + "/clients/" + realm.clientUuid("shape-roles") + "/protocol-mappers/models";
        ObjectNode mapper = (ObjectNode) Http.get(mappers, realm.adminToken()).json().path(0);
        ((ObjectNode) mapper.path("config")).put("tenancy.claim.tenants.limit", "0");

        HttpResult refused = Http.put(mappers + "/" + mapper.path("id").asText(), realm.adminToken(), mapper);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(Http.get(mappers, realm.adminToken()).json().path(0).path("config")
                .path("tenancy.claim.tenants.limit").asText()).isEqualTo("2");
    }

    /**
     * The figures docs/claims.md quotes, beside what Keycloak's own {@code organization} claim adds when a client
     * asks for the plain {@code organization} scope (every alias of the user): the only assertions are the ones
     * the defaults promise.
     */
    @Test
    void sizesForTheRecord() {
        for (String user : List.of("in-one", "in-fifty")) {
            String defaults = token(TestRealm.TEST_CLIENT, user, null);
            SIZES.put(user + ": no mapper", Integer.toString(token(PLAIN, user, null).length()));
            SIZES.put(user + ": default options (roles, 50)", Integer.toString(defaults.length()));
            SIZES.put(user + ": full, limit 50", Integer.toString(token(FULL_FIFTY, user, null).length()));
            assertThat(defaults.length()).as(user).isLessThan(HEADER_BUFFER);
        }
        if (thousand) {
            // Only the token the other tests fetched: on a busy machine a first token of another client for a
            // member of 1,000 organizations can take Keycloak over a minute. TokenSizeBenchmark has the others.
            SIZES.put("in-thousand: default options (roles, 50)",
                    Integer.toString(token(TestRealm.TEST_CLIENT, "in-thousand", null).length()));
        }
        // Keycloak's own claim with every organization of the user (scope organization:*; plain 'organization'
        // names none for a member of several organizations who picked none).
        for (String user : List.of("in-one", "in-fifty")) {
            JsonNode organization = TestRealm.decodeClaims(token(PLAIN, user, "organization:*")).path("organization");
            SIZES.put(user + ": no mapper, scope organization:*", Integer.toString(token(PLAIN, user, "organization:*").length()));
            SIZES.put(user + ": Keycloak's organization claim with organization:*, JSON bytes",
                    Integer.toString(organization.toString().length()));
            assertThat(organization.size()).as(user).isEqualTo("in-one".equals(user) ? 1 : FIFTY);
        }
    }

    private static void assumeThousand() {
        org.junit.jupiter.api.Assumptions.assumeTrue(thousand, "the user in 1,000 tenants exists in the H2 run only");
    }

    private static String tenantsAndMarker(String client) {
        JsonNode claims = TestRealm.decodeClaims(token(client, "in-three", null));
        ObjectNode both = Json.object();
        both.set("tenants", claims.path("tenants"));
        both.set("tenants_truncated", claims.path("tenants_truncated"));
        return both.toString();
    }

    private static List<String> aliases(int from, int to) {
        return IntStream.range(from, to).mapToObj(ManyTenants::alias).toList();
    }

    /** An access token, issued once per client, user and scope in this class (decoding needs no fresh one). */
    private static String token(String clientId, String username, String scope) {
        return TOKENS.computeIfAbsent(clientId + " " + username + " " + scope, key -> freshToken(clientId, username, scope));
    }

    private static String freshToken(String clientId, String username, String scope) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", username));
        if (scope != null) {
            form.put("scope", scope);
        }
        HttpResult response = Http.postForm(realm.tokenUrl(), form, null);
        TenancyApi.expect(200, response, "token for " + username + " from " + clientId);
        return response.json().path("access_token").asText();
    }

    private static void createClient(String clientId) {
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/clients", realm.adminToken(), Json.object()
                .put("clientId", clientId).put("publicClient", true).put("directAccessGrantsEnabled", true)),
                "create client " + clientId);
    }

    private static void expectMapper(String clientId, ObjectNode mapper) {
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/clients/" + realm.clientUuid(clientId)
                + "/protocol-mappers/models", realm.adminToken(), mapper), "add the claims mapper to " + clientId);
    }

    /** Our mapper into the access token; a null option is left out, as in a realm from before the options. */
    private static ObjectNode mapper(String shape, String limit) {
        ObjectNode mapper = Json.object().put("name", "tenancy claims").put("protocol", "openid-connect")
                .put("protocolMapper", "tenancy-claims-mapper");
        ObjectNode config = mapper.putObject("config").put("access.token.claim", "true")
                .put("tenancy.claim.tenants", "true").put("tenancy.claim.tenant", "true");
        if (shape != null) {
            config.put("tenancy.claim.tenants.shape", shape);
        }
        if (limit != null) {
            config.put("tenancy.claim.tenants.limit", limit);
        }
        return mapper;
    }
}
