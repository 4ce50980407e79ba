package dev.tenancy.keycloak.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.LoopbackDns;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The DNS proof of a tenant's domain against a real DNS server on loopback: a claim's challenge, verification
 * when the TXT record holds it, refusals that say what DNS held, and one domain for one tenant.
 */
class DomainVerificationIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    @RegisterExtension
    static final LoopbackDns dns = new LoopbackDns();

    private static TenancyApi tenancy;
    private static String acme;
    private static String globex;

    @BeforeAll
    static void twoTenants() {
        tenancy = new TenancyApi(realm);
        tenancy.configure("""
                {"roles": {"owner": {"permissions": ["manage-tenant", "manage-members", "view-members"]},
                           "member": {}}}
                """);
        acme = tenancy.createTenant("acme");
        globex = tenancy.createTenant("globex");
        tenancy.setRoles(acme, realm.createUser("acme-owner"), "owner");
        tenancy.setRoles(acme, realm.createUser("acme-member"), "member");
        tenancy.setRoles(globex, realm.createUser("globex-owner"), "owner");
    }

    @Test
    void aPublishedChallengeVerifiesTheDomainInKeycloaksOrganization() {
        HttpResult claimed = claim(acme, "acme-owner", "acme.test");

        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
        JsonNode challenge = claimed.json().path("challenge");
        assertThat(claimed.json().path("domain").asText()).isEqualTo("acme.test");
        assertThat(claimed.json().path("verified").asBoolean()).isFalse();
        assertThat(challenge.path("name").asText()).isEqualTo("_tenancy-challenge.acme.test");
        assertThat(challenge.path("value").asText()).matches("[a-z2-7]{32}");
        assertThat(claimed.header("Location")).endsWith("/tenants/" + acme + "/domains/acme.test");
        assertThat(organizationDomains(acme)).as("an unproven claim is not a Keycloak domain")
                .doesNotContain("acme.test", "acme.test:verified");

        dns.txt("_tenancy-challenge.acme.test", "v=spf1 -all", challenge.path("value").asText());
        HttpResult verified = verify(acme, "acme-owner", "acme.test");

        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().path("verified").asBoolean()).isTrue();
        assertThat(organizationDomains(acme)).contains("acme.test:verified");
        JsonNode listed = Http.get(domains(acme) + "/acme.test", realm.userToken("acme-owner")).json();
        assertThat(listed.toString()).isEqualTo("{\"domain\":\"acme.test\",\"verified\":true}");
        assertThat(claim(acme, "acme-owner", "ACME.test.").status()).as("claiming it again").isEqualTo(200);
    }

    @Test
    void aWrongValueIsRefusedSayingWhatDnsHeldWithoutEchoingIt() {
        String value = claim(acme, "acme-owner", "wrong.test").json().path("challenge").path("value").asText();
        String lookalike = "abcdefghijklmnopqrstuvwxyz234567";
        dns.txt("_tenancy-challenge.wrong.test", "internal-secret-value", lookalike);

        HttpResult refused = verify(acme, "acme-owner", "wrong.test");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("errorMessage").asText())
                .contains("2 TXT values at _tenancy-challenge.wrong.test").contains(value)
                .as("a value shaped like a challenge is shown, to spot a typo").contains(lookalike)
                .as("other TXT data is not echoed: the lookup may follow a CNAME into names only the server sees")
                .doesNotContain("internal-secret-value");
        assertThat(organizationDomains(acme)).doesNotContain("wrong.test:verified");
        assertThat(pending(acme, "wrong.test")).isTrue();
    }

    @Test
    void noTxtRecordIsRefusedAndSaysSo() {
        claim(acme, "acme-owner", "nothing.test");
        HttpResult noName = verify(acme, "acme-owner", "nothing.test");
        assertThat(noName.status()).isEqualTo(409);
        assertThat(noName.json().path("errorMessage").asText())
                .contains("DNS holds no TXT record at _tenancy-challenge.nothing.test");

        claim(acme, "acme-owner", "hosted.test");
        dns.hostOnly("_tenancy-challenge.hosted.test");
        HttpResult noTxt = verify(acme, "acme-owner", "hosted.test");
        assertThat(noTxt.status()).isEqualTo(409);
        assertThat(noTxt.json().path("errorMessage").asText())
                .as("the same answer whether the name exists or not")
                .contains("DNS holds no TXT record at _tenancy-challenge.hosted.test");
    }

    @Test
    void aDomainVerifiedByOneTenantCannotBeTakenByAnother() {
        String acmeValue = claim(acme, "acme-owner", "taken.test").json().path("challenge").path("value").asText();
        // Claims do not block each other: a tenant cannot squat on a name it cannot prove.
        String globexValue = claim(globex, "globex-owner", "taken.test").json().path("challenge").path("value")
                .asText();
        assertThat(globexValue).isNotEqualTo(acmeValue);
        dns.txt("_tenancy-challenge.taken.test", acmeValue, globexValue);
        assertThat(verify(acme, "acme-owner", "taken.test").status()).isEqualTo(200);

        HttpResult second = verify(globex, "globex-owner", "taken.test");
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.json().path("errorMessage").asText()).contains("already a domain of another tenant");
        assertThat(claim(globex, "globex-owner", "taken.test").status())
                .as("a claim tells nothing about other tenants").isEqualTo(200);
        assertThat(organizationDomains(globex)).doesNotContain("taken.test:verified");
        assertThat(organizationDomains(acme)).contains("taken.test:verified");
    }

    @Test
    void aNameUnderAnotherTenantsWildcardCannotBeTaken() {
        ObjectNode organization = (ObjectNode) Http.get(realm.adminUrl() + "/organizations/" + globex,
                realm.adminToken()).json();
        ArrayNode domains = organization.has("domains") ? (ArrayNode) organization.get("domains")
                : organization.putArray("domains");
        domains.addObject().put("name", "*.wild.test").put("verified", true);
        assertThat(Http.put(realm.adminUrl() + "/organizations/" + globex, realm.adminToken(), organization).status())
                .isEqualTo(204);
        String value = claim(acme, "acme-owner", "eu.wild.test").json().path("challenge").path("value").asText();
        dns.txt("_tenancy-challenge.eu.wild.test", value);

        HttpResult refused = verify(acme, "acme-owner", "eu.wild.test");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("errorMessage").asText()).contains("a wildcard covering it");
        assertThat(organizationDomains(acme)).doesNotContain("eu.wild.test:verified");
    }

    @Test
    void aDnsServerThatDoesNotAnswerIs503AndChangesNothing() {
        claim(acme, "acme-owner", "down.test");
        dns.stop();
        try {
            HttpResult unavailable = verify(acme, "acme-owner", "down.test");
            assertThat(unavailable.status()).as(unavailable.toString()).isEqualTo(503);
            assertThat(unavailable.json().path("errorMessage").asText())
                    .contains("DNS lookup of _tenancy-challenge.down.test did not complete")
                    .as("a tenant admin is not told the resolver's address").doesNotContain("127.0.0.1");
            HttpResult forAdmin = Http.post(tenancy.adminApi() + "/tenants/" + acme + "/domains/down.test/verify",
                    realm.adminToken(), null);
            assertThat(forAdmin.status()).isEqualTo(503);
            assertThat(forAdmin.json().path("errorMessage").asText()).as("a realm admin is")
                    .contains("dns://127.0.0.1:");
        } finally {
            dns.start();
        }
        assertThat(pending(acme, "down.test")).isTrue();
    }

    @Test
    void removingAVerifiedDomainReleasesItForAnotherTenant() {
        String value = claim(acme, "acme-owner", "moving.test").json().path("challenge").path("value").asText();
        dns.txt("_tenancy-challenge.moving.test", value);
        assertThat(verify(acme, "acme-owner", "moving.test").status()).isEqualTo(200);

        assertThat(Http.delete(domains(acme) + "/moving.test", realm.userToken("acme-owner")).status()).isEqualTo(204);
        assertThat(organizationDomains(acme)).doesNotContain("moving.test:verified");
        assertThat(Http.get(domains(acme) + "/moving.test", realm.userToken("acme-owner")).status()).isEqualTo(404);

        String globexValue = claim(globex, "globex-owner", "moving.test").json().path("challenge").path("value")
                .asText();
        assertThat(globexValue).as("a new claim, a new challenge").isNotEqualTo(value);
        assertThat(verify(globex, "globex-owner", "moving.test").status()).as("the old record proves nothing")
                .isEqualTo(409);
        dns.txt("_tenancy-challenge.moving.test", globexValue);
        assertThat(verify(globex, "globex-owner", "moving.test").status()).isEqualTo(200);
        assertThat(organizationDomains(globex)).contains("moving.test:verified");
    }

    @Test
    void aRealmAdminMayVouchForADomainAMemberMayNot() {
        HttpResult vouched = Http.post(tenancy.adminApi() + "/tenants/" + acme + "/domains", realm.adminToken(),
                "{\"domain\": \"vouched.test\", \"verified\": true}");
        assertThat(vouched.status()).as(vouched.toString()).isEqualTo(201);
        assertThat(organizationDomains(acme)).contains("vouched.test:verified");

        HttpResult member = Http.post(domains(acme), realm.userToken("acme-owner"),
                "{\"domain\": \"self-vouched.test\", \"verified\": true}");
        assertThat(member.status()).isEqualTo(403);
        assertThat(pending(acme, "self-vouched.test")).isFalse();
    }

    @Test
    void aDomainBoundToAnIdentityProviderIsLeftToRealmAdmins() {
        HttpResult vouched = Http.post(tenancy.adminApi() + "/tenants/" + acme + "/domains", realm.adminToken(),
                "{\"domain\": \"bound.test\", \"verified\": true}");
        assertThat(vouched.status()).isEqualTo(201);
        String idp = """
                {"alias": "acme-idp", "providerId": "oidc", "enabled": true,
                 "config": {"authorizationUrl": "https://idp.bound.test/auth", "tokenUrl": "https://idp.bound.test/token",
                            "clientId": "keycloak", "clientSecret": "not-used", "clientAuthMethod": "client_secret_post"}}
                """;
        assertThat(Http.post(realm.adminUrl() + "/identity-provider/instances", realm.adminToken(), idp).status())
                .isEqualTo(201);
        assertThat(Http.post(realm.adminUrl() + "/organizations/" + acme + "/identity-providers", realm.adminToken(),
                "\"acme-idp\"").status()).isEqualTo(204);
        JsonNode linked = Http.get(realm.adminUrl() + "/identity-provider/instances/acme-idp", realm.adminToken()).json();
        ((ObjectNode) linked.path("config")).put("kc.org.domain", "bound.test");
        assertThat(Http.put(realm.adminUrl() + "/identity-provider/instances/acme-idp", realm.adminToken(), linked)
                .status()).isEqualTo(204);

        HttpResult refused = Http.delete(domains(acme) + "/bound.test", realm.userToken("acme-owner"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("errorMessage").asText()).contains("identity provider 'acme-idp'");
        assertThat(organizationDomains(acme)).contains("bound.test:verified");
        assertThat(Http.delete(tenancy.adminApi() + "/tenants/" + acme + "/domains/bound.test", realm.adminToken())
                .status()).isEqualTo(204);
        assertThat(organizationDomains(acme)).doesNotContain("bound.test:verified");
    }

    @Test
    void onlyManageTenantReachesTheDomains() {
        claim(acme, "acme-owner", "private.test");
        for (String user : List.of("acme-member", "globex-owner")) {
            String token = realm.userToken(user);
            assertThat(Http.get(domains(acme), token).status()).as(user + " list").isEqualTo(403);
            assertThat(Http.post(domains(acme), token, "{\"domain\": \"intruder.test\"}").status()).as(user + " add")
                    .isEqualTo(403);
            assertThat(Http.post(domains(acme) + "/private.test/verify", token, null).status()).as(user + " verify")
                    .isEqualTo(403);
            assertThat(Http.delete(domains(acme) + "/private.test", token).status()).as(user + " delete")
                    .isEqualTo(403);
        }
        assertThat(pending(acme, "private.test")).isTrue();
        assertThat(pending(acme, "intruder.test")).isFalse();
    }

    @Test
    void aTenantHoldsAtMostTwentyUnprovenClaims() {
        String owner = realm.createUser("claimer");
        String tenant = tenancy.createTenant("claims");
        tenancy.setRoles(tenant, owner, "owner");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            statuses.add(claim(tenant, "claimer", "claim" + i + ".test").status());
        }
        assertThat(statuses.subList(0, 20)).containsOnly(201);
        HttpResult over = claim(tenant, "claimer", "claim20.test");
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.json().path("errorMessage").asText()).contains("20 domains waiting");
    }

    private static HttpResult claim(String tenant, String user, String domain) {
        return Http.post(domains(tenant), realm.userToken(user), "{\"domain\": \"" + domain + "\"}");
    }

    private static HttpResult verify(String tenant, String user, String domain) {
        return Http.post(domains(tenant) + "/" + domain + "/verify", realm.userToken(user), null);
    }

    private static boolean pending(String tenant, String domain) {
        HttpResult one = Http.get(tenancy.adminApi() + "/tenants/" + tenant + "/domains/" + domain, realm.adminToken());
        return one.status() == 200 && !one.json().path("verified").asBoolean();
    }

    private static String domains(String tenant) {
        return tenancy.selfService() + "/tenants/" + tenant + "/domains";
    }

    /** The domains of Keycloak's organization, as {@code name} or {@code name:verified}. */
    private static List<String> organizationDomains(String tenant) {
        JsonNode organization = Http.get(realm.adminUrl() + "/organizations/" + tenant, realm.adminToken()).json();
        List<String> names = new ArrayList<>();
        organization.path("domains").forEach(domain -> names.add(domain.path("name").asText()
                + (domain.path("verified").asBoolean() ? ":verified" : "")));
        return names;
    }
}
