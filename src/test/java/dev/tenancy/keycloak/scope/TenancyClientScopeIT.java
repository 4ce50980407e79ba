package dev.tenancy.keycloak.scope;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The self-service API has an audience: every realm has the client scope {@code tenancy}, and only tokens
 * that carry its audience are served; a token that a third-party client got for {@code profile} is not.
 */
class TenancyClientScopeIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static TenancyApi tenancy;

    @BeforeAll
    static void setUp() {
        tenancy = new TenancyApi(realm);
        String acme = tenancy.createTenant("acme");
        tenancy.setRoles(acme, realm.createUser("ann"), "admin");
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/clients", realm.adminToken(), Json.object()
                .put("clientId", "third-party").put("publicClient", true).put("directAccessGrantsEnabled", true)),
                "create a third-party client");
    }

    @Test
    void everyNewRealmHasTheScopeWithTheAudienceAndTheClaims() {
        List<String> mappers = mapperTypes(realm.adminUrl(), realm.clientScopeId(TenancyClientScope.NAME));

        assertThat(mappers).containsExactlyInAnyOrder("oidc-audience-mapper", "tenancy-claims-mapper");
    }

    @Test
    void aTokenWithoutTheTenancyAudienceIsRefusedWithTheScopeNamed() {
        HttpResult thirdParty = Http.postForm(realm.tokenUrl(), Map.of("grant_type", "password",
                "client_id", "third-party", "username", "ann", "password", "ann", "scope", "profile"), null);
        TenancyApi.expect(200, thirdParty, "third-party token");
        String foreign = thirdParty.json().path("access_token").asText();

        HttpResult refused = Http.get(tenancy.selfService() + "/me/tenants", foreign);
        HttpResult refusedKeys = Http.get(tenancy.selfService() + "/me/api-keys", foreign);
        HttpResult served = Http.get(tenancy.selfService() + "/me/tenants", realm.userToken("ann"));

        assertThat(TestRealm.decodeClaims(foreign).path("aud").toString()).doesNotContain("urn:tenancy:self-service");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("errorMessage").asText()).contains("client scope 'tenancy'");
        assertThat(refusedKeys.status()).isEqualTo(403);
        assertThat(served.status()).isEqualTo(200);
        assertThat(TestRealm.decodeClaims(realm.userToken("ann")).path("aud").toString()).contains("\"urn:tenancy:self-service\"");
    }

    @Test
    void anImportedRealmKeepsItsOwnTenancyScopeAndGainsTheAudience() {
        String name = realm.name() + "-imported";
        ObjectNode rep = Json.object().put("realm", name).put("enabled", true).put("organizationsEnabled", true);
        ObjectNode scope = rep.putArray("clientScopes").addObject().put("name", "tenancy")
                .put("protocol", "openid-connect");
        scope.putArray("protocolMappers").addObject().put("name", "our own claims").put("protocol", "openid-connect")
                .put("protocolMapper", "tenancy-claims-mapper").putObject("config").put("access.token.claim", "true");
        String admin = realm.server().baseUrl() + "/admin/realms";
        TenancyApi.expect(201, Http.post(admin, realm.adminToken(), rep), "import");
        try {
            String scopeId = null;
            for (JsonNode candidate : Http.get(admin + "/" + name + "/client-scopes", realm.adminToken()).json()) {
                if (candidate.path("name").asText().equals("tenancy")) {
                    assertThat(scopeId).as("one scope named tenancy").isNull();
                    scopeId = candidate.path("id").asText();
                }
            }
            JsonNode mappers = Http.get(admin + "/" + name + "/client-scopes/" + scopeId + "/protocol-mappers/models",
                    realm.adminToken()).json();

            assertThat(mapperTypes(admin + "/" + name, scopeId))
                    .containsExactlyInAnyOrder("oidc-audience-mapper", "tenancy-claims-mapper");
            assertThat(mappers.toString()).contains("our own claims");
        } finally {
            Http.delete(admin + "/" + name, realm.adminToken());
        }
    }

    private static List<String> mapperTypes(String realmAdminUrl, String scopeId) {
        List<String> types = new ArrayList<>();
        Http.get(realmAdminUrl + "/client-scopes/" + scopeId + "/protocol-mappers/models", realm.adminToken()).json()
                .forEach(mapper -> types.add(mapper.path("protocolMapper").asText()));
        return types;
    }
}
