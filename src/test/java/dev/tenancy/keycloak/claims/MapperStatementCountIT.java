package dev.tenancy.keycloak.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Counts the SQL statements Keycloak logs ({@code org.hibernate.SQL} at debug) for one token request, with
 * and without our mapper, for a user in 1 tenant and a user in 50, and for the user in 50 with a mapper that
 * lists only 5 of them (so the token says the list is cut). The mapper's cost is the difference.
 */
class MapperStatementCountIT {

    private static final String PLAIN_CLIENT = "no-tenancy-mapper";
    private static final String LIMITED_CLIENT = "tenancy-mapper-limit-5";
    private static final int TENANTS = 50;
    private static final int SAMPLES = 3;

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    @BeforeAll
    static void oneUserInOneTenantAndOneInFifty() {
        TenancyApi tenancy = new TenancyApi(realm);
        tenancy.configure("""
                {"roles": {"admin": {}, "member": {}},
                 "modules": {"billing": {"admin": "admin", "member": "read"}, "reports": {"member": "read"}}}
                """);
        tenancy.addClaimsMapperToTestClient();
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/clients", realm.adminToken(), Json.object()
                .put("clientId", PLAIN_CLIENT).put("publicClient", true).put("directAccessGrantsEnabled", true)),
                "create client without mapper");
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/clients", realm.adminToken(), Json.object()
                .put("clientId", LIMITED_CLIENT).put("publicClient", true).put("directAccessGrantsEnabled", true)),
                "create client with a limited mapper");
        com.fasterxml.jackson.databind.node.ObjectNode limited = Json.object().put("name", "tenancy claims")
                .put("protocol", "openid-connect").put("protocolMapper", "tenancy-claims-mapper");
        limited.putObject("config").put("access.token.claim", "true").put("tenancy.claim.tenants.shape", "full")
                .put("tenancy.claim.tenants.limit", "5");
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/clients/" + realm.clientUuid(LIMITED_CLIENT)
                + "/protocol-mappers/models", realm.adminToken(), limited), "add the limited mapper");
        String one = realm.createUser("in-one");
        String fifty = realm.createUser("in-fifty");
        for (int i = 0; i < TENANTS; i++) {
            String tenant = tenancy.createTenant("t" + i);
            tenancy.setRoles(tenant, fifty, i % 2 == 0 ? "admin" : "member");
            if (i == 0) {
                tenancy.setRoles(tenant, one, "admin");
            }
            if (i % 5 == 0) {
                TenancyApi.expect(200, Http.put(tenancy.adminApi() + "/tenants/" + tenant + "/modules",
                        realm.adminToken(), "{\"reports\": {\"admin\": \"write\"}}"), "override");
            }
        }
    }

    @Test
    void theMapperIssuesTheSameNumberOfStatementsForOneTenantAndForFiftyAlsoWhenItCutsTheList() throws IOException {
        assertThat(TestRealm.decodeClaims(realm.userToken("in-fifty")).path("tenants").size()).isEqualTo(TENANTS);
        assertThat(TestRealm.decodeClaims(tokenFor(LIMITED_CLIENT, "in-fifty")).path("tenants_truncated")
                .path("total").asInt()).isEqualTo(TENANTS);

        long withMapperOne = statements(TestRealm.TEST_CLIENT, "in-one");
        long withoutMapperOne = statements(PLAIN_CLIENT, "in-one");
        long withMapperFifty = statements(TestRealm.TEST_CLIENT, "in-fifty");
        long withoutMapperFifty = statements(PLAIN_CLIENT, "in-fifty");
        long withLimitedOne = statements(LIMITED_CLIENT, "in-one");
        long withLimitedFifty = statements(LIMITED_CLIENT, "in-fifty");
        long mapperOne = withMapperOne - withoutMapperOne;
        long mapperFifty = withMapperFifty - withoutMapperFifty;
        long limitedOne = withLimitedOne - withoutMapperOne;
        long limitedFifty = withLimitedFifty - withoutMapperFifty;

        String report = String.format("database=%s token-request statements: 1 tenant %d (mapper %d), "
                        + "%d tenants %d (mapper %d); mapper listing 5: 1 tenant %d (mapper %d), %d tenants %d (mapper %d)%n",
                realm.server().database().name(), withMapperOne, mapperOne, TENANTS, withMapperFifty, mapperFifty,
                withLimitedOne, limitedOne, TENANTS, withLimitedFifty, limitedFifty);
        System.out.print(report);
        Path target = Path.of(System.getProperty("tenancy.project.dir", "."), "target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("statements-per-token-" + realm.server().database().name() + ".txt"), report);
        assertThat(mapperFifty).isEqualTo(mapperOne);
        assertThat(limitedFifty).isEqualTo(limitedOne);
        assertThat(limitedOne).isBetween(1L, 4L);
        assertThat(mapperOne).isBetween(1L, 4L);
    }

    /** The fewest statements seen over a few warm requests, so a background job's query cannot inflate it. */
    private static long statements(String clientId, String username) {
        tokenFor(clientId, username);
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < SAMPLES; i++) {
            long mark = realm.server().logMark();
            tokenFor(clientId, username);
            long count = realm.server().logSince(mark).lines().filter(line -> line.contains("[org.hibernate.SQL]")).count();
            fewest = Math.min(fewest, count);
        }
        return fewest;
    }

    private static String tokenFor(String clientId, String username) {
        HttpResult response = Http.postForm(realm.tokenUrl(), Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", username), null);
        TenancyApi.expect(200, response, "token for " + username + " from " + clientId);
        return response.json().path("access_token").asText();
    }
}
