package dev.tenancy.keycloak.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.MailServer;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The invitation lifecycle through both APIs: create, list, get, resend, revoke, and the mail. */
class InvitationApiIT {

    @RegisterExtension
    static final TestRealm realm = new TestRealm();

    @RegisterExtension
    static final MailServer mail = new MailServer();

    private static TenancyApi tenancy;
    private static String tenant;
    private static String adminOfTenant;

    @BeforeAll
    static void setUp() {
        tenancy = new TenancyApi(realm);
        mail.configure(realm);
        TenancyApi.expect(204, Http.put(realm.adminUrl(), realm.adminToken(), Json.object()
                .put("adminEventsEnabled", true).put("adminEventsDetailsEnabled", true)), "enable admin events");
        tenancy.configure("""
                {"roles": {"admin": {"permissions": ["manage-invitations", "manage-members", "view-members"]},
                           "inviter": {"permissions": ["manage-invitations"]},
                           "operator": {"permissions": ["view-members"]}, "member": {}}}
                """);
        tenant = tenancy.createTenant("acme");
        adminOfTenant = realm.createUser("ada");
        tenancy.setRoles(tenant, adminOfTenant, "admin");
    }

    private static String invitations() {
        return tenancy.adminApi() + "/tenants/" + tenant + "/invitations";
    }

    private static HttpResult invite(String token, String base, ObjectNode body) {
        return Http.post(base, token, body);
    }

    private static ObjectNode invitation(String email, String... roles) {
        ObjectNode body = Json.object().put("email", email);
        body.putArray("roles").addAll(java.util.Arrays.stream(roles).map(Json.MAPPER::valueToTree)
                .map(JsonNode.class::cast).toList());
        return body;
    }

    @Test
    void createWithoutMailReturnsTheLinkOnceAndNeverAgain() {
        HttpResult created = invite(realm.adminToken(), invitations(),
                invitation("once@example.com", "member").put("sendEmail", false));

        TenancyApi.expect(201, created, "create");
        JsonNode body = created.json();
        assertThat(created.header("Location")).endsWith("/invitations/" + body.path("id").asText());
        assertThat(body.path("email").asText()).isEqualTo("once@example.com");
        assertThat(body.path("status").asText()).isEqualTo("pending");
        assertThat(body.path("expiresAt").asText()).endsWith("Z");
        assertThat(body.path("link").asText()).contains("/realms/" + realm.name() + "/tenancy/invitation?token=");
        assertThat(body.has("emailSent")).isFalse();

        JsonNode fetched = Http.get(invitations() + "/" + body.path("id").asText(), realm.adminToken()).json();
        assertThat(fetched.has("link")).isFalse();
        assertThat(fetched.toString()).doesNotContain(token(body.path("link").asText()));
        assertThat(Json.texts(fetched.path("roles"))).containsExactly("member");
        JsonNode listed = Http.get(invitations() + "?email=once@", realm.adminToken()).json();
        assertThat(listed.toString()).doesNotContain(token(body.path("link").asText()));
    }

    @Test
    void theDefaultLifespanIsTheRealmSetting() {
        JsonNode body = invite(realm.adminToken(), invitations(),
                invitation("lifespan@example.com").put("sendEmail", false)).json();

        long created = java.time.Instant.parse(body.path("createdAt").asText()).toEpochMilli();
        long expires = java.time.Instant.parse(body.path("expiresAt").asText()).toEpochMilli();
        assertThat(expires - created).isEqualTo(172_800_000L);
    }

    @Test
    void aSecondPendingInvitationForTheSameEmailIsAConflictUntilTheFirstEnds() {
        String id = invite(realm.adminToken(), invitations(), invitation("twice@example.com").put("sendEmail", false))
                .createdId();

        HttpResult second = invite(realm.adminToken(), invitations(),
                invitation("TWICE@example.com").put("sendEmail", false));
        TenancyApi.expect(409, second, "second pending");
        assertThat(second.json().path("errorMessage").asText()).contains("pending invitation");

        TenancyApi.expect(200, Http.post(invitations() + "/" + id + "/revoke", realm.adminToken(), null), "revoke");
        TenancyApi.expect(201, invite(realm.adminToken(), invitations(),
                invitation("twice@example.com").put("sendEmail", false)), "after revoke");
    }

    @Test
    void anExistingMemberCannotBeInvited() {
        HttpResult result = invite(realm.adminToken(), invitations(), invitation("ada@example.com"));

        TenancyApi.expect(409, result, "invite a member");
        assertThat(result.json().path("errorMessage").asText()).contains("already a member");
    }

    @Test
    void theMailNamesTenantInviterRolesAndExpiryInEnglishAndGerman() {
        int before = mail.received();
        HttpResult english = invite(realm.adminToken(), invitations(), invitation("mail-en@example.com", "operator"));
        TenancyApi.expect(201, english, "invite en");
        assertThat(english.json().path("emailSent").asBoolean()).isTrue();
        assertThat(english.json().has("link")).isFalse();
        String inviter = english.json().path("inviterName").asText();

        MailServer.Mail en = mail.lastTo("mail-en@example.com", before + 1);
        assertThat(en.subject()).isEqualTo("Invitation to ACME");
        assertThat(en.text()).contains(inviter + " invited you to join ACME", "operator", "UTC", "expires on");
        assertThat(en.html()).contains("<a href=\"" + en.invitationLink().replace("&", "&amp;") + "\"");
        assertThat(en.html()).contains("Open the invitation");

        HttpResult german = invite(realm.adminToken(), invitations(),
                invitation("mail-de@example.com", "member").put("locale", "de"));
        TenancyApi.expect(201, german, "invite de");
        MailServer.Mail de = mail.lastTo("mail-de@example.com", before + 2);
        assertThat(de.subject()).isEqualTo("Einladung zu ACME");
        assertThat(de.text()).contains("hat Sie eingeladen, ACME", "member", "UTC", "l\u00e4uft am");
        assertThat(de.html()).contains("Einladung \u00f6ffnen");
    }

    @Test
    void aMemberIsNotShownTheSmtpErrorNorToldToInviteWithoutMail() throws Exception {
        String selfService = tenancy.selfService() + "/tenants/" + tenant + "/invitations";
        mail.breakSmtp(realm);
        HttpResult byMember;
        HttpResult byAdmin;
        try {
            byMember = invite(realm.userToken("ada"), selfService, invitation("smtp-member@example.com"));
            byAdmin = invite(realm.adminToken(), invitations(), invitation("smtp-admin@example.com"));
        } finally {
            mail.configure(realm);
        }
        TenancyApi.expect(201, byMember, "member invites with broken SMTP");
        assertThat(byMember.json().path("emailError").asText()).contains("server log")
                .doesNotContain("(").doesNotContain("onnect").doesNotContain("localhost");
        TenancyApi.expect(201, byAdmin, "admin invites with broken SMTP");
        assertThat(byAdmin.json().path("emailError").asText()).contains("could not be sent (");

        ObjectNode noSmtp = Json.object();
        noSmtp.putObject("smtpServer");
        TenancyApi.expect(204, Http.put(realm.adminUrl(), realm.adminToken(), noSmtp), "remove SMTP");
        try {
            byMember = invite(realm.userToken("ada"), selfService, invitation("nosmtp-member@example.com"));
            byAdmin = invite(realm.adminToken(), invitations(), invitation("nosmtp-admin@example.com"));
        } finally {
            mail.configure(realm);
        }
        assertThat(byMember.json().path("emailError").asText()).contains("no SMTP").doesNotContain("sendEmail");
        assertThat(byAdmin.json().path("emailError").asText()).contains("no SMTP", "\"sendEmail\": false");
    }

    @Test
    void theStoredLocaleNeverTellsWhetherTheAddressHasAnAccount() {
        ObjectNode i18n = Json.object().put("internationalizationEnabled", true).put("defaultLocale", "en");
        i18n.putArray("supportedLocales").add("en").add("de");
        TenancyApi.expect(204, Http.put(realm.adminUrl(), realm.adminToken(), i18n), "enable de");
        try {
            String userId = realm.createUser("greta");
            ObjectNode greta = (ObjectNode) Http.get(realm.adminUrl() + "/users/" + userId, realm.adminToken()).json();
            greta.putObject("attributes").putArray("locale").add("de");
            TenancyApi.expect(204, Http.put(realm.adminUrl() + "/users/" + userId, realm.adminToken(), greta),
                    "greta reads German");
            int before = mail.received();

            HttpResult existing = invite(realm.adminToken(), invitations(), invitation("greta@example.com"));
            HttpResult unknown = invite(realm.adminToken(), invitations(), invitation("nobody-de@example.com"));

            TenancyApi.expect(201, existing, "invite an existing account");
            assertThat(existing.json().path("locale").asText()).isEqualTo("en");
            assertThat(unknown.json().path("locale").asText()).isEqualTo("en");
            String id = existing.json().path("id").asText();
            assertThat(Http.get(invitations() + "/" + id, realm.adminToken()).json().path("locale").asText())
                    .isEqualTo("en");
            // The mail alone, which only the address owner reads, is in the account's language.
            assertThat(mail.lastTo("greta@example.com", before + 2).subject()).isEqualTo("Einladung zu ACME");
        } finally {
            TenancyApi.expect(204, Http.put(realm.adminUrl(), realm.adminToken(),
                    Json.object().put("internationalizationEnabled", false)), "disable i18n");
        }
    }

    @Test
    void aFailedSendLeavesTheInvitationUsableAndSaysSo() throws Exception {
        mail.breakSmtp(realm);
        HttpResult created;
        try {
            created = invite(realm.adminToken(), invitations(), invitation("unlucky@example.com"));
        } finally {
            mail.configure(realm);
        }
        TenancyApi.expect(201, created, "create with broken SMTP");
        assertThat(created.json().path("emailSent").asBoolean()).isFalse();
        assertThat(created.json().path("emailError").asText()).contains("could not be sent", "resend");
        assertThat(created.json().path("status").asText()).isEqualTo("pending");

        int before = mail.received();
        HttpResult resent = Http.post(invitations() + "/" + created.json().path("id").asText() + "/resend",
                realm.adminToken(), null);
        TenancyApi.expect(200, resent, "resend");
        assertThat(resent.json().path("emailSent").asBoolean()).isTrue();
        assertThat(mail.lastTo("unlucky@example.com", before + 1).invitationLink()).isNotBlank();
    }

    @Test
    void resendIssuesANewLinkAndTheOldOneStopsWorking() {
        JsonNode created = invite(realm.adminToken(), invitations(),
                invitation("resend@example.com").put("sendEmail", false)).json();
        String oldLink = created.path("link").asText();
        TenancyApi.expect(200, Http.get(oldLink, null), "old link before resend");

        HttpResult resent = Http.post(invitations() + "/" + created.path("id").asText() + "/resend",
                realm.adminToken(), "{\"sendEmail\": false}");

        TenancyApi.expect(200, resent, "resend");
        String newLink = resent.json().path("link").asText();
        assertThat(newLink).isNotEqualTo(oldLink);
        assertThat(Http.get(oldLink, null).status()).isEqualTo(404);
        assertThat(Http.get(newLink, null).status()).isEqualTo(200);
    }

    @Test
    void revokedInvitationsCannotBeRevokedResentOrOpened() {
        JsonNode created = invite(realm.adminToken(), invitations(),
                invitation("revoke@example.com").put("sendEmail", false)).json();
        String id = created.path("id").asText();

        HttpResult revoked = Http.post(invitations() + "/" + id + "/revoke", realm.adminToken(), null);

        TenancyApi.expect(200, revoked, "revoke");
        assertThat(revoked.json().path("status").asText()).isEqualTo("revoked");
        assertThat(revoked.json().path("revokedAt").asText()).endsWith("Z");
        assertThat(revoked.json().path("revokedBy").asText()).isNotBlank();
        TenancyApi.expect(409, Http.post(invitations() + "/" + id + "/revoke", realm.adminToken(), null), "revoke twice");
        TenancyApi.expect(409, Http.post(invitations() + "/" + id + "/resend", realm.adminToken(), null), "resend");
        HttpResult page = Http.get(created.path("link").asText(), null);
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("withdrawn");
    }

    @Test
    void listFiltersByStatusAndEmailAndPages() {
        for (int i = 0; i < 3; i++) {
            invite(realm.adminToken(), invitations(), invitation("page" + i + "@list.example").put("sendEmail", false));
        }
        String revoked = invite(realm.adminToken(), invitations(),
                invitation("gone@list.example").put("sendEmail", false)).createdId();
        Http.post(invitations() + "/" + revoked + "/revoke", realm.adminToken(), null);

        List<String> pending = emails(invitations() + "?email=list.example&status=pending");
        List<String> gone = emails(invitations() + "?email=list.example&status=revoked");
        List<String> page = emails(invitations() + "?email=list.example&first=1&max=2");

        assertThat(pending).containsExactlyInAnyOrder("page0@list.example", "page1@list.example", "page2@list.example");
        assertThat(gone).containsExactly("gone@list.example");
        assertThat(page).hasSize(2);
        TenancyApi.expect(400, Http.get(invitations() + "?status=open", realm.adminToken()), "unknown status");
    }

    @Test
    void adminsPreassignGroupsByPath() {
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/groups", realm.adminToken(),
                Json.object().put("name", "support")), "create group");

        HttpResult created = invite(realm.adminToken(), invitations(),
                invitation("grouped@example.com").put("sendEmail", false).set("groups", Json.array().add("/support")));
        HttpResult unknown = invite(realm.adminToken(), invitations(),
                invitation("nogroup@example.com").set("groups", Json.array().add("/nowhere")));

        TenancyApi.expect(201, created, "with group");
        assertThat(Json.texts(created.json().path("groups"))).containsExactly("/support");
        TenancyApi.expect(400, unknown, "unknown group");
        assertThat(unknown.json().path("errorMessage").asText()).contains("unknown group '/nowhere'");
    }

    @Test
    void tenantMembersInviteWithManageInvitationsAndOnlyWithRolesTheyHold() {
        String inviter = realm.createUser("ivan");
        tenancy.setRoles(tenant, inviter, "inviter");
        String operator = realm.createUser("otto");
        tenancy.setRoles(tenant, operator, "operator");
        String selfService = tenancy.selfService() + "/tenants/" + tenant + "/invitations";

        HttpResult asInviter = invite(realm.userToken("ivan"), selfService,
                invitation("by-ivan@example.com", "inviter"));
        HttpResult beyondRoles = invite(realm.userToken("ivan"), selfService,
                invitation("admin-by-ivan@example.com", "admin").put("sendEmail", false));
        HttpResult withGroup = invite(realm.userToken("ivan"), selfService,
                invitation("group-by-ivan@example.com").set("groups", Json.array().add("/support")));
        HttpResult asOperator = invite(realm.userToken("otto"), selfService,
                invitation("by-otto@example.com").put("sendEmail", false));

        TenancyApi.expect(201, asInviter, "inviter invites");
        assertThat(asInviter.json().path("invitedBy").asText()).isEqualTo(inviter);
        assertThat(asInviter.json().path("inviterName").asText()).isEqualTo("ivan Test");
        TenancyApi.expect(403, beyondRoles, "role the inviter does not hold");
        TenancyApi.expect(403, withGroup, "groups through self-service");
        TenancyApi.expect(403, asOperator, "operator");
        assertThat(asOperator.json().path("errorMessage").asText()).contains("manage-invitations");
        TenancyApi.expect(200, Http.get(selfService, realm.userToken("ivan")), "inviter lists");
        TenancyApi.expect(403, Http.get(selfService, realm.userToken("otto")), "operator lists");
    }

    @Test
    void onlyRealmAdminsGetALinkAndNoAnswerWithALinkIsStored() {
        String member = realm.createUser("lena");
        tenancy.setRoles(tenant, member, "inviter");
        String selfService = tenancy.selfService() + "/tenants/" + tenant + "/invitations";

        HttpResult linkForMember = invite(realm.userToken("lena"), selfService,
                invitation("link-by-lena@example.com").put("sendEmail", false));
        HttpResult mailedByMember = invite(realm.userToken("lena"), selfService,
                invitation("mail-by-lena@example.com"));
        HttpResult resentAsLinkByMember = Http.post(selfService + "/" + mailedByMember.createdId() + "/resend",
                realm.userToken("lena"), "{\"sendEmail\": false}");
        HttpResult linkForAdmin = invite(realm.adminToken(), invitations(),
                invitation("link-by-admin@example.com").put("sendEmail", false));
        HttpResult resentForAdmin = Http.post(invitations() + "/" + linkForAdmin.createdId() + "/resend",
                realm.adminToken(), "{\"sendEmail\": false}");

        TenancyApi.expect(403, linkForMember, "member asks for a link");
        assertThat(linkForMember.json().path("errorMessage").asText()).contains("Only realm admins", "sendEmail");
        assertThat(emails(invitations() + "?email=link-by-lena")).isEmpty();
        TenancyApi.expect(201, mailedByMember, "member mails");
        TenancyApi.expect(403, resentAsLinkByMember, "member asks for a link on resend");
        TenancyApi.expect(201, linkForAdmin, "admin asks for a link");
        TenancyApi.expect(200, resentForAdmin, "admin resends as a link");
        assertThat(mailedByMember.json().path("linkShown").asBoolean()).isFalse();
        assertThat(mailedByMember.json().path("invitedVia").asText()).isEqualTo("member");
        assertThat(linkForAdmin.json().path("linkShown").asBoolean()).isTrue();
        assertThat(linkForAdmin.json().path("invitedVia").asText()).isEqualTo("admin");
        assertThat(resentForAdmin.json().path("resendCount").asInt()).isEqualTo(1);
        for (HttpResult withLink : List.of(linkForAdmin, resentForAdmin)) {
            assertThat(withLink.json().path("link").asText()).contains("token=");
            assertThat(withLink.header("Cache-Control")).isEqualTo("no-store");
            assertThat(withLink.header("Pragma")).isEqualTo("no-cache");
        }
    }

    @Test
    void aMemberResendsOrRevokesOnlyInvitationsTheyCouldHaveMade() {
        TenancyApi.expect(201, Http.post(realm.adminUrl() + "/groups", realm.adminToken(),
                Json.object().put("name", "vip")), "create group");
        tenancy.setRoles(tenant, realm.createUser("mona"), "inviter");
        String selfService = tenancy.selfService() + "/tenants/" + tenant + "/invitations";
        String beyond = invite(realm.adminToken(), invitations(), invitation("boss@example.com", "admin")).createdId();
        String grouped = invite(realm.adminToken(), invitations(), invitation("vip@example.com", "inviter")
                .set("groups", Json.array().add("/vip"))).createdId();
        String within = invite(realm.adminToken(), invitations(), invitation("peer@example.com", "inviter")).createdId();
        String mona = realm.userToken("mona");

        for (String id : List.of(beyond, grouped)) {
            HttpResult resent = Http.post(selfService + "/" + id + "/resend", mona, null);
            HttpResult revoked = Http.post(selfService + "/" + id + "/revoke", mona, null);
            TenancyApi.expect(403, resent, "resend " + id);
            TenancyApi.expect(403, revoked, "revoke " + id);
            assertThat(Http.get(invitations() + "/" + id, realm.adminToken()).json().path("status").asText())
                    .isEqualTo("pending");
        }
        assertThat(Http.post(selfService + "/" + beyond + "/resend", mona, null).json().path("errorMessage").asText())
                .contains("role 'admin'");
        assertThat(Http.post(selfService + "/" + grouped + "/revoke", mona, null).json().path("errorMessage")
                .asText()).contains("Only realm admins may put invitees into Keycloak groups");
        TenancyApi.expect(200, Http.post(selfService + "/" + within + "/resend", mona, null), "resend within");
        TenancyApi.expect(200, Http.post(selfService + "/" + within + "/revoke", mona, null), "revoke within");
    }

    @Test
    void everyChangeIsAnAdminEventWithTheTenantAndWithoutTheToken() {
        JsonNode created = invite(realm.adminToken(), invitations(),
                invitation("audited@example.com").put("sendEmail", false)).json();
        String id = created.path("id").asText();
        HttpResult resent = Http.post(invitations() + "/" + id + "/resend", realm.adminToken(), "{\"sendEmail\": false}");
        Http.post(invitations() + "/" + id + "/revoke", realm.adminToken(), null);

        JsonNode events = Http.get(realm.adminUrl() + "/admin-events?max=1000",
                realm.adminToken()).json();
        List<String> paths = new java.util.ArrayList<>();
        for (JsonNode event : events) {
            if (event.path("resourcePath").asText().contains(id)) {
                paths.add(event.path("operationType").asText() + " " + event.path("resourcePath").asText());
                assertThat(event.path("details").path("tenantId").asText()).isEqualTo(tenant);
                assertThat(event.path("representation").asText())
                        .doesNotContain(token(created.path("link").asText()))
                        .doesNotContain(token(resent.json().path("link").asText()));
            }
        }
        String base = "tenancy/tenants/" + tenant + "/invitations/" + id;
        assertThat(paths).containsExactlyInAnyOrder("CREATE " + base, "ACTION " + base + "/resend",
                "ACTION " + base + "/revoke");
    }

    private static List<String> emails(String url) {
        HttpResult result = Http.get(url, realm.adminToken());
        TenancyApi.expect(200, result, "list " + url);
        List<String> emails = new java.util.ArrayList<>();
        result.json().forEach(invitation -> emails.add(invitation.path("email").asText()));
        return emails;
    }

    static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }
}
