package dev.tenancy.keycloak.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.MailServer;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The realm's invitation mail limits: per sender, per tenant, resends per invitation; counted in the database. */
class InvitationLimitsIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    @RegisterExtension
    static final MailServer mail = new MailServer();

    private static TenancyApi tenancy;

    @BeforeAll
    static void setUp() {
        tenancy = new TenancyApi(realm);
        mail.configure(realm);
        tenancy.configure("""
                {"roles": {"inviter": {"permissions": ["manage-invitations"]}, "member": {}},
                 "invitationMailsPerSenderPerHour": 2, "invitationMailsPerTenantPerHour": 3,
                 "invitationMaxResends": 1}
                """);
    }

    private static HttpResult invite(String token, String base, String email, boolean sendEmail) {
        return Http.post(base, token, Json.object().put("email", email).put("sendEmail", sendEmail));
    }

    @Test
    void mailBeyondASenderOrTenantLimitIs429WithRetryAfterAndStoresNothing() {
        String tenant = tenancy.createTenant("acme");
        tenancy.setRoles(tenant, realm.createUser("ivan"), "inviter");
        tenancy.setRoles(tenant, realm.createUser("ines"), "inviter");
        String admin = tenancy.adminApi() + "/tenants/" + tenant + "/invitations";
        String selfService = tenancy.selfService() + "/tenants/" + tenant + "/invitations";

        TenancyApi.expect(201, invite(realm.userToken("ivan"), selfService, "one@example.com", true), "ivan 1");
        TenancyApi.expect(201, invite(realm.userToken("ivan"), selfService, "two@example.com", true), "ivan 2");
        HttpResult thirdOfIvan = invite(realm.userToken("ivan"), selfService, "three@example.com", true);
        TenancyApi.expect(201, invite(realm.userToken("ines"), selfService, "four@example.com", true), "ines 1");
        HttpResult tenantFull = invite(realm.userToken("ines"), selfService, "six@example.com", true);
        HttpResult adminMail = invite(realm.adminToken(), admin, "seven@example.com", true);
        HttpResult adminLink = invite(realm.adminToken(), admin, "eight@example.com", false);

        TenancyApi.expect(429, thirdOfIvan, "third mail of one sender");
        assertThat(thirdOfIvan.json().path("errorMessage").asText()).contains("per sender", "try again in");
        assertThat(Long.parseLong(thirdOfIvan.header("Retry-After"))).isBetween(1L, 3601L);
        TenancyApi.expect(429, tenantFull, "fourth mail of the tenant");
        assertThat(tenantFull.json().path("errorMessage").asText()).contains("per tenant");
        assertThat(tenantFull.header("Retry-After")).isNotBlank();
        TenancyApi.expect(429, adminMail, "realm admins are held to the tenant limit too");
        TenancyApi.expect(201, adminLink, "a link is no mail");
        String stored = Http.get(admin, realm.adminToken()).body();
        assertThat(stored).doesNotContain("three@", "six@", "seven@").contains("eight@");
        TenancyApi.expect(429, Http.post(admin + "/" + adminLink.createdId() + "/resend", realm.adminToken(), null),
                "resend by mail counts toward the tenant limit");
    }

    @Test
    void anInvitationIsSentAgainAtMostMaxResendsTimes() {
        String tenant = tenancy.createTenant("globex");
        String admin = tenancy.adminApi() + "/tenants/" + tenant + "/invitations";
        String id = invite(realm.adminToken(), admin, "again@example.com", true).createdId();

        HttpResult first = Http.post(admin + "/" + id + "/resend", realm.adminToken(), null);
        HttpResult second = Http.post(admin + "/" + id + "/resend", realm.adminToken(), "{\"sendEmail\": false}");

        TenancyApi.expect(200, first, "first resend");
        TenancyApi.expect(409, second, "second resend");
        assertThat(second.json().path("errorMessage").asText()).contains("resent 1 of 1 allowed times", "create a new one");
        assertThat(second.body()).doesNotContain("token=");
    }
}
