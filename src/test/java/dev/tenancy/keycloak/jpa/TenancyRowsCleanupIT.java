package dev.tenancy.keycloak.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.KeycloakServer;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Removing an organization, a user, a membership, a group or a whole realm through Keycloak leaves no tenancy
 * rows behind — roles, overrides, invitations, API keys, credentials (a deleted group only drops out of the
 * invitations that named it).
 */
class TenancyRowsCleanupIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    private static TenancyApi tenancy;

    @BeforeAll
    static void setUp() {
        tenancy = new TenancyApi(realm);
    }

    @Test
    void deletingTheOrganizationInKeycloakRemovesItsRows() throws SQLException {
        String tenant = tenancy.createTenant("org-gone");
        tenancy.setRoles(tenant, realm.createUser("org-gone-user"), "admin");
        TenancyApi.expect(201, Http.post(tenancy.selfService() + "/me/api-keys", realm.userToken("org-gone-user"),
                "{\"name\": \"k\", \"tenantId\": \"" + tenant + "\"}"), "key");
        tenancy.configure("{\"roles\": {\"admin\": {}, \"operator\": {}, \"member\": {}},"
                + " \"modules\": {\"billing\": {\"admin\": \"read\"}}}");
        TenancyApi.expect(200, Http.put(tenancy.adminApi() + "/tenants/" + tenant + "/modules", realm.adminToken(),
                "{\"billing\": {\"admin\": \"write\"}}"), "override");
        String invitation = invite(tenant, "org-gone-invitee@example.com");
        storeCredential("TENANT", tenant);
        assertThat(rows("TENANCY_CREDENTIAL", "OWNER_ID", tenant)).isEqualTo(1);
        assertThat(rows("TENANCY_MEMBER_ROLE", "TENANT_ID", tenant)).isEqualTo(1);
        assertThat(rows("TENANCY_MODULE_OVERRIDE", "TENANT_ID", tenant)).isEqualTo(1);
        assertThat(rows("TENANCY_INVITATION", "TENANT_ID", tenant)).isEqualTo(1);
        assertThat(rows("TENANCY_API_KEY", "TENANT_ID", tenant)).isEqualTo(1);
        assertThat(rows("TENANCY_INVITATION_ROLE", "INVITATION_ID", invitation)).isEqualTo(1);
        assertThat(rows("TENANCY_INVITATION_GROUP", "INVITATION_ID", invitation)).isEqualTo(1);

        TenancyApi.expect(204, Http.delete(realm.adminUrl() + "/organizations/" + tenant, realm.adminToken()), "delete org");

        assertThat(rows("TENANCY_MEMBER_ROLE", "TENANT_ID", tenant)).isZero();
        assertThat(rows("TENANCY_MODULE_OVERRIDE", "TENANT_ID", tenant)).isZero();
        assertThat(rows("TENANCY_INVITATION", "TENANT_ID", tenant)).isZero();
        assertThat(rows("TENANCY_API_KEY", "TENANT_ID", tenant)).isZero();
        assertThat(rows("TENANCY_INVITATION_ROLE", "INVITATION_ID", invitation)).isZero();
        assertThat(rows("TENANCY_INVITATION_GROUP", "INVITATION_ID", invitation)).isZero();
        assertThat(rows("TENANCY_CREDENTIAL", "OWNER_ID", tenant)).isZero();
    }

    @Test
    void deletingAGroupRemovesItFromInvitations() throws SQLException {
        String tenant = tenancy.createTenant("group-gone");
        String invitation = invite(tenant, "group-gone-invitee@example.com");
        String group = Http.get(realm.adminUrl() + "/groups?search=cleanup-group", realm.adminToken()).json()
                .path(0).path("id").asText();

        TenancyApi.expect(204, Http.delete(realm.adminUrl() + "/groups/" + group, realm.adminToken()), "delete group");

        assertThat(rows("TENANCY_INVITATION_GROUP", "INVITATION_ID", invitation)).isZero();
        assertThat(rows("TENANCY_INVITATION", "ID", invitation)).isEqualTo(1);
    }

    @Test
    void deletingTheUserRemovesTheirRolesAndKeys() throws SQLException {
        String tenant = tenancy.createTenant("user-gone");
        String user = realm.createUser("user-gone-user");
        tenancy.setRoles(tenant, user, "admin", "member");
        TenancyApi.expect(201, Http.post(tenancy.selfService() + "/me/api-keys", realm.userToken("user-gone-user"),
                "{\"name\": \"k\", \"tenantId\": \"" + tenant + "\"}"), "key");
        assertThat(rows("TENANCY_MEMBER_ROLE", "USER_ID", user)).isEqualTo(2);
        assertThat(rows("TENANCY_API_KEY", "USER_ID", user)).isEqualTo(1);
        storeCredential("USER", user);
        assertThat(rows("TENANCY_CREDENTIAL", "OWNER_ID", user)).isEqualTo(1);

        TenancyApi.expect(204, Http.delete(realm.adminUrl() + "/users/" + user, realm.adminToken()), "delete user");

        assertThat(rows("TENANCY_MEMBER_ROLE", "USER_ID", user)).isZero();
        assertThat(rows("TENANCY_API_KEY", "USER_ID", user)).isZero();
        assertThat(rows("TENANCY_CREDENTIAL", "OWNER_ID", user)).isZero();
    }

    @Test
    void removingTheMembershipInKeycloaksOwnApiRemovesTheRoles() throws SQLException {
        String tenant = tenancy.createTenant("left");
        String user = realm.createUser("left-user");
        tenancy.setRoles(tenant, user, "admin");

        TenancyApi.expect(204, Http.delete(realm.adminUrl() + "/organizations/" + tenant + "/members/" + user,
                realm.adminToken()), "remove member");

        assertThat(rows("TENANCY_MEMBER_ROLE", "USER_ID", user)).isZero();
    }

    @Test
    void deletingARealmRemovesAllOfItsRows() throws SQLException {
        TestRealm doomed = new TestRealm();
        doomed.create("doomed");
        TenancyApi doomedTenancy = new TenancyApi(doomed);
        String tenant = doomedTenancy.createTenant("doomed");
        doomedTenancy.setRoles(tenant, doomed.createUser("doomed-user"), "admin");
        TenancyApi.expect(201, Http.post(doomedTenancy.adminApi() + "/tenants/" + tenant + "/invitations",
                doomed.adminToken(), "{\"email\": \"doomed@example.com\", \"sendEmail\": false}"), "invite");
        TenancyApi.expect(201, Http.post(doomedTenancy.adminApi() + "/credentials", doomed.adminToken(),
                "{\"scope\": \"SYSTEM\", \"name\": \"n\", \"provider\": \"smtp\", \"type\": \"PASSWORD\","
                        + " \"value\": \"doomed-secret\"}"), "credential");
        String realmId = doomed.id();
        assertThat(rows("TENANCY_CREDENTIAL", "REALM_ID", realmId)).isEqualTo(1);
        assertThat(rows("TENANCY_MEMBER_ROLE", "REALM_ID", realmId)).isEqualTo(1);
        assertThat(rows("TENANCY_INVITATION", "REALM_ID", realmId)).isEqualTo(1);

        doomed.delete();

        assertThat(rows("TENANCY_MEMBER_ROLE", "REALM_ID", realmId)).isZero();
        assertThat(rows("TENANCY_MODULE_OVERRIDE", "REALM_ID", realmId)).isZero();
        assertThat(rows("TENANCY_INVITATION", "REALM_ID", realmId)).isZero();
        assertThat(rows("TENANCY_CREDENTIAL", "REALM_ID", realmId)).isZero();
    }

    private static void storeCredential(String scope, String ownerId) {
        TenancyApi.expect(201, Http.post(tenancy.adminApi() + "/credentials", realm.adminToken(),
                "{\"scope\": \"" + scope + "\", \"ownerId\": \"" + ownerId + "\", \"name\": \"n\","
                        + " \"provider\": \"smtp\", \"type\": \"PASSWORD\", \"value\": \"cleanup-secret\"}"),
                "store a " + scope + " credential");
    }

    /** An invitation with one role and the group /cleanup-group (created on first use); returns its id. */
    private static String invite(String tenant, String email) {
        if (Http.get(realm.adminUrl() + "/groups?search=cleanup-group", realm.adminToken()).json().isEmpty()) {
            TenancyApi.expect(201, Http.post(realm.adminUrl() + "/groups", realm.adminToken(),
                    "{\"name\": \"cleanup-group\"}"), "create group");
        }
        HttpResult created = Http.post(tenancy.adminApi() + "/tenants/" + tenant + "/invitations", realm.adminToken(),
                "{\"email\": \"" + email + "\", \"roles\": [\"member\"], \"groups\": [\"/cleanup-group\"],"
                        + " \"sendEmail\": false}");
        TenancyApi.expect(201, created, "invite " + email);
        return created.json().path("id").asText();
    }

    private static long rows(String table, String column, String value) throws SQLException {
        try (Connection connection = KeycloakServer.get().database().openJdbc();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from " + table + " where " + column + " = ?")) {
            query.setString(1, value);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
