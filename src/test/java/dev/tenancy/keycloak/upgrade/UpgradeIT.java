package dev.tenancy.keycloak.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import dev.tenancy.keycloak.support.UpgradeSeed;
import dev.tenancy.keycloak.support.UpgradeSeed.Seeded;
import dev.tenancy.keycloak.support.UpgradeSeed.SeededCredential;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The upgrade from the released version: the harness started the released jar on this run's fresh database,
 * seeded data of every kind through its API ({@code support.UpgradeSeed}), and started this build on the same
 * database. Every seeded row must still be there, unchanged, and usable; every change set of the master
 * changelog must be recorded exactly once, the released ones as the released jar ran them. ({@code SchemaIT}
 * then restarts the server on this upgraded database and proves a restart applies nothing.)
 *
 * <p>Skipped when the run started on an empty database ({@code -Dupgrade.from.jar=}).
 */
class UpgradeIT {

    private static final String CHANGELOG = "META-INF/tenancy-changelog.xml";

    private static Seeded seeded;
    private static TestRealm realm;
    private static TenancyApi tenancy;
    // Read before any test here uses the data: using a key or revealing a credential writes its row.
    private static Map<String, List<Map<String, String>>> rowsNow;
    private static Map<String, JsonNode> adminViewsNow;
    private static Map<String, JsonNode> aliceViewsNow;
    private static Set<String> adminEventsNow;

    @BeforeAll
    static void readTheUpgradedData() throws SQLException {
        seeded = UpgradeSeed.seeded().orElse(null);
        assumeTrue(seeded != null, "this run did not start from the released jar (-Dupgrade.from.jar is empty)");
        realm = seeded.realm();
        tenancy = new TenancyApi(realm);
        rowsNow = UpgradeSeed.rows(realm.server(), realm.id());
        adminViewsNow = views(seeded.adminViews().keySet(), realm.adminToken());
        aliceViewsNow = views(seeded.aliceViews().keySet(), realm.userToken("alice"));
        adminEventsNow = UpgradeSeed.adminEvents(realm);
    }

    @Test
    void theServerRunsThisBuildNotTheReleasedJar() {
        JsonNode info = Http.get(realm.server().baseUrl() + "/admin/serverinfo", realm.adminToken()).json();
        JsonNode entities = info.path("providers").path("jpa-entity-provider").path("providers")
                .path("tenancy-entities").path("operationalInfo");
        // The released jar's manifest had no version, so it showed "development".
        assertThat(entities.path("version").asText()).isEqualTo(System.getProperty("tenancy.project.version"));
    }

    @Test
    void everyRowOfTheReleasedVersionIsStillThereUnchanged() {
        assertThat(seeded.rows().values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
        for (Map.Entry<String, List<Map<String, String>>> table : seeded.rows().entrySet()) {
            List<Map<String, String>> before = table.getValue();
            List<Map<String, String>> after = rowsNow.get(table.getKey());
            assertThat(after).as(table.getKey()).hasSameSizeAs(before);
            // A new version may add columns; the released ones keep their values.
            List<Map<String, String>> afterOldColumns = new ArrayList<>();
            for (Map<String, String> row : after) {
                Map<String, String> projected = new TreeMap<>(row);
                projected.keySet().retainAll(before.get(0).keySet());
                afterOldColumns.add(projected);
            }
            assertThat(afterOldColumns).as(table.getKey()).containsExactlyInAnyOrderElementsOf(before);
        }
    }

    @Test
    void theApiAnswersWhatTheReleasedVersionAnswered() {
        for (Map.Entry<String, JsonNode> view : seeded.adminViews().entrySet()) {
            assertContains(view.getKey(), view.getValue(), adminViewsNow.get(view.getKey()));
        }
        for (Map.Entry<String, JsonNode> view : seeded.aliceViews().entrySet()) {
            assertContains(view.getKey(), view.getValue(), aliceViewsNow.get(view.getKey()));
        }
        assertThat(seeded.adminEvents()).anyMatch(event -> event.contains("TENANCY_CREDENTIAL"));
        assertThat(adminEventsNow).containsAll(seeded.adminEvents());
    }

    @Test
    void everyChangeSetOfTheMasterChangelogIsRecordedExactlyOnce() throws Exception {
        // changeSets() fails on an id recorded twice.
        Map<String, String> now = UpgradeSeed.changeSets(realm.server());

        assertThat(now.keySet()).containsExactlyInAnyOrderElementsOf(masterChangelogIds());
        // The released change sets were not run again: same execution time, same checksum.
        assertThat(now).containsAllEntriesOf(seeded.changeSets());
    }

    @Test
    void theApiKeyStillIntrospectsActiveAndStillExchangesForAToken() {
        JsonNode active = introspect(seeded.activeApiKey());
        assertThat(active.path("active").asBoolean()).isTrue();
        assertThat(active.path("tenant_id").asText()).isEqualTo(seeded.tenantId());
        assertThat(active.path("username").asText()).isEqualTo("alice");
        assertThat(introspect(seeded.revokedApiKey()).path("active").asBoolean()).isFalse();

        HttpResult token = Http.postForm(realm.tokenUrl(), Map.of("grant_type", "urn:tenancy:grant-type:api-key",
                "api_key", seeded.activeApiKey()), TestRealm.SERVICE_CLIENT + ":" + TestRealm.SERVICE_SECRET);
        TenancyApi.expect(200, token, "token from the seeded key");
        JsonNode claims = TestRealm.decodeClaims(token.json().path("access_token").asText());
        assertThat(claims.path("tenant").path("alias").asText()).isEqualTo("acme");
        assertThat(claims.path("tenant").path("modules").path("billing").asText()).isEqualTo("write");
    }

    @Test
    void credentialsOfEveryScopeRevealTheirValues() {
        assertThat(seeded.credentials()).extracting(SeededCredential::scope)
                .containsExactlyInAnyOrder("USER", "TENANT", "SYSTEM");
        for (SeededCredential credential : seeded.credentials()) {
            String token = credential.revealer() == null ? realm.adminToken() : realm.userToken(credential.revealer());
            HttpResult revealed = Http.post(credential.revealUrl(), token, null);
            TenancyApi.expect(200, revealed, "reveal the " + credential.scope() + " credential");
            assertThat(revealed.json().path("value").asText()).as(credential.scope()).isEqualTo(credential.value());
        }
    }

    @Test
    void aFreshTokenCarriesTheSeededMembershipsAndModuleOverrides() {
        // The mapper stored by the released version has no shape or limit: it takes today's defaults (roles only).
        JsonNode aliceTenants = TestRealm.decodeClaims(realm.userToken("alice")).path("tenants");
        assertThat(Json.texts(aliceTenants.path("acme").path("roles"))).containsExactly("admin");
        assertThat(aliceTenants.path("acme").has("modules")).isFalse();
        assertThat(TestRealm.decodeClaims(realm.userToken("alice")).has("tenants_truncated")).isFalse();

        JsonNode alice = TestRealm.decodeClaims(realm.userToken("alice", "organization:acme")).path("tenant");
        assertThat(alice.path("id").asText()).isEqualTo(seeded.tenantId());
        assertThat(alice.path("modules").path("billing").asText()).isEqualTo("admin");

        JsonNode bob = TestRealm.decodeClaims(realm.userToken("bob", "organization:acme")).path("tenant");
        assertThat(Json.texts(bob.path("roles"))).containsExactlyInAnyOrder("member", "operator");
        // The tenant's overrides: operator → admin for billing, member → read for reports.
        assertThat(bob.path("modules").path("billing").asText()).isEqualTo("admin");
        assertThat(bob.path("modules").path("reports").asText()).isEqualTo("read");
    }

    @Test
    void aPendingInvitationLinkFromTheReleasedVersionStillAccepts() {
        String link = seeded.pendingInvitationLink();
        TenancyApi.expect(200, Http.get(link, null), "open the seeded link");

        HttpResult registered = Http.postForm(realm.url() + "/tenancy/invitation", Map.of(
                "token", link.substring(link.indexOf("token=") + "token=".length()), "action", "register",
                "username", "carol", "firstName", "Carol", "lastName", "Test",
                "password", "carol", "password-confirm", "carol"), null);

        assertThat(registered.status()).isEqualTo(303);
        JsonNode carol = TestRealm.decodeClaims(realm.userToken("carol")).path("tenants").path("acme");
        assertThat(Json.texts(carol.path("roles"))).containsExactly("member");
        String carolId = Http.get(realm.adminUrl() + "/users?username=carol&exact=true", realm.adminToken()).json()
                .path(0).path("id").asText();
        assertThat(Http.get(realm.adminUrl() + "/users/" + carolId + "/groups", realm.adminToken()).json()
                .path(0).path("path").asText()).isEqualTo("/support");
        JsonNode invitation = Http.get(tenancy.adminApi() + "/tenants/" + seeded.tenantId()
                + "/invitations?email=carol@example.com", realm.adminToken()).json().path(0);
        assertThat(invitation.path("status").asText()).isEqualTo("accepted");
    }

    private static JsonNode introspect(String key) {
        HttpResult answer = Http.postForm(realm.tokenUrl() + "/introspect",
                Map.of("token", key, "token_type_hint", "api_key"),
                TestRealm.SERVICE_CLIENT + ":" + TestRealm.SERVICE_SECRET);
        TenancyApi.expect(200, answer, "introspect");
        return answer.json();
    }

    private static Map<String, JsonNode> views(Set<String> urls, String token) {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (String url : urls) {
            HttpResult answer = Http.get(url, token);
            TenancyApi.expect(200, answer, "GET " + url);
            views.put(url, answer.json());
        }
        return views;
    }

    /** Every field the released version answered is answered the same now; new fields may be added. */
    private static void assertContains(String where, JsonNode before, JsonNode after) {
        if (before.isObject()) {
            assertThat(after.isObject()).as(where + " is an object").isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> fields = before.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertThat(after.has(field.getKey())).as(where + "." + field.getKey() + " is there").isTrue();
                assertContains(where + "." + field.getKey(), field.getValue(), after.get(field.getKey()));
            }
        } else if (before.isArray()) {
            assertThat(after.isArray()).as(where + " is an array").isTrue();
            assertThat(after.size()).as(where + " size").isEqualTo(before.size());
            for (int i = 0; i < before.size(); i++) {
                assertContains(where + "[" + i + "]", before.get(i), after.get(i));
            }
        } else {
            assertThat(after).as(where).isEqualTo(before);
        }
    }

    /** The ids of every change set the master changelog includes, read from this build's classes. */
    private static List<String> masterChangelogIds() throws ParserConfigurationException, SAXException, IOException {
        List<String> ids = new ArrayList<>();
        NodeList includes = parse(CHANGELOG).getElementsByTagName("include");
        assertThat(includes.getLength()).isPositive();
        for (int i = 0; i < includes.getLength(); i++) {
            String file = includes.item(i).getAttributes().getNamedItem("file").getNodeValue();
            NodeList changeSets = parse(file).getElementsByTagName("changeSet");
            for (int j = 0; j < changeSets.getLength(); j++) {
                ids.add(changeSets.item(j).getAttributes().getNamedItem("id").getNodeValue());
            }
        }
        return ids;
    }

    private static Document parse(String resource) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = UpgradeIT.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path").isNotNull();
            return factory.newDocumentBuilder().parse(in);
        }
    }
}
