package dev.tenancy.keycloak.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import dev.tenancy.keycloak.support.browser.Browser;
import dev.tenancy.keycloak.support.browser.Console;
import dev.tenancy.keycloak.support.browser.ConsoleMembersPage;
import dev.tenancy.keycloak.support.browser.LoginPages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Joining by verified domain in a real browser sign-in. {@code auto}: a colleague with a verified address in the
 * tenant's verified domain signs in to the tenancy console for the first time and is already a member of the tenant,
 * with its default role; a colleague whose address is not verified signs in and is not. {@code suggest}: the colleague
 * is asked after signing in and requests to join, the tenant's admin approves in the console, and at the next sign-in
 * the console and the token carry the tenant.
 */
@Tag("browser")
class JoinByDomainBrowserIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static TenancyApi tenancy;
    private static Browser browser;
    private static String acme;
    private static String initech;

    @BeforeAll
    static void aTenantThatLetsColleaguesIn() {
        tenancy = new TenancyApi(realm);
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-tenant", "manage-members", "view-members"]},
                           "member": {"permissions": ["view-members"]}}}
                """);
        tenancy.addClaimsMapperToTestClient();
        acme = tenancy.createTenant("acme");
        TenancyApi.expect(201, Http.post(tenancy.adminApi() + "/tenants/" + acme + "/domains", realm.adminToken(),
                "{\"domain\": \"colleagues.test\", \"verified\": true}"), "vouch colleagues.test");
        TenancyApi.expect(200, Http.put(tenancy.adminApi() + "/tenants/" + acme + "/join", realm.adminToken(),
                "{\"mode\": \"auto\", \"defaultRole\": \"member\"}"), "auto join");
        initech = tenancy.createTenant("initech");
        tenancy.setRoles(initech, realm.createUser("ivan"), "admin");
        TenancyApi.expect(201, Http.post(tenancy.adminApi() + "/tenants/" + initech + "/domains", realm.adminToken(),
                "{\"domain\": \"asking.test\", \"verified\": true}"), "vouch asking.test");
        TenancyApi.expect(200, Http.put(tenancy.adminApi() + "/tenants/" + initech + "/join", realm.adminToken(),
                "{\"mode\": \"suggest\", \"defaultRole\": \"member\"}"), "suggest joining");
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aColleagueWithAVerifiedAddressIsAMemberAtTheirFirstSignIn() {
        String userId = realm.createUser("fay", "fay@colleagues.test", true);

        Console console = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "fay", "fay");

        assertThat(console.navigation()).contains("members");
        console.screenshot("joined-by-domain");
        assertThat(Http.get(tenancy.adminApi() + "/tenants/" + acme + "/members/" + userId, realm.adminToken()).json()
                .path("roles").toString()).isEqualTo("[\"member\"]");
    }

    @Test
    void aColleagueWhoseAddressIsNotVerifiedIsNotAndIsToldTheyAreInNoTenant() {
        String userId = realm.createUser("gus", "gus@colleagues.test", false);

        Console.signInWithoutTenants(browser, realm.server().baseUrl(), realm.name(), "gus", "gus");

        assertThat(Http.get(tenancy.adminApi() + "/tenants/" + acme + "/members/" + userId, realm.adminToken())
                .status()).isEqualTo(404);
    }

    @Test
    void aColleagueAsksToJoinTheAdminApprovesInTheConsoleAndTheNextSignInCarriesTheTenant() {
        String userId = realm.createUser("sam", "sam@asking.test", true);

        Console asking = Console.startSignIn(browser, realm.server().baseUrl(), realm.name(), "sam", "sam");
        LoginPages pages = new LoginPages(browser);
        LoginPages.JoinSuggestionPage suggestion = pages.joinSuggestion();
        assertThat(pages.header()).isEqualTo("Your colleagues use INITECH");
        assertThat(suggestion.summary()).contains("sam@asking.test");
        asking.screenshot("join-suggestion");
        suggestion.requestToJoin();
        suggestion.continueAfterRequest();
        asking.awaitNoTenants();

        Console admin = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "ivan", "ivan");
        admin.go("members");
        ConsoleMembersPage members = new ConsoleMembersPage(admin);
        assertThat(members.requests()).containsExactly("sam");
        admin.screenshot("join-requests");
        members.approveRequest("sam");
        assertThat(members.roles("sam")).isEqualTo("member");

        Console joined = Console.signIn(browser, realm.server().baseUrl(), realm.name(), "sam", "sam");
        assertThat(joined.navigation()).contains("members");
        assertThat(TestRealm.decodeClaims(realm.userToken("sam")).path("tenants").path("initech").path("roles")
                .toString()).isEqualTo("[\"member\"]");
        assertThat(Http.get(tenancy.adminApi() + "/tenants/" + initech + "/members/" + userId, realm.adminToken())
                .status()).isEqualTo(200);
    }
}
