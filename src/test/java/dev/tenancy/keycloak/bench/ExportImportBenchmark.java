package dev.tenancy.keycloak.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.support.Http;
import dev.tenancy.keycloak.support.HttpResult;
import dev.tenancy.keycloak.support.Json;
import dev.tenancy.keycloak.support.KeycloakServer;
import dev.tenancy.keycloak.support.KeycloakTool;
import dev.tenancy.keycloak.support.TenancyApi;
import dev.tenancy.keycloak.support.TestRealm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Export and import of a realm with many tenants ({@code mvn -Pbenchmark package
 * -Dbench.main=dev.tenancy.keycloak.bench.ExportImportBenchmark -Dtenancy.test.requestSeconds=1800}, sizes by
 * {@code -Dbench.tenants=250,1000}; see
 * docs/benchmarks.md): Keycloak's own tools on the realm before and after our rows are added, then our export and
 * import (twice, the second finds everything present). Each tenant has one member, and six of our rows: a tenant
 * role, a module override, an invitation with a pre-assigned role, an API key and a credential.
 */
public final class ExportImportBenchmark {

    private static final int ROWS_PER_TENANT = 6;

    private ExportImportBenchmark() {
    }

    private record Run(int tenants, long keycloakCreate, long keycloakExportBare, long keycloakExport, long ourExport,
            long ourBytes, long delete, long keycloakImport, long ourImport, long ourImportAgain, int rows) {
    }

    public static void main(String[] args) throws Exception {
        Path docs = Path.of(System.getProperty("tenancy.project.dir", ".")).resolve("docs");
        KeycloakServer server = KeycloakServer.get();
        TestRealm handle = new TestRealm();
        handle.create("bench-handle");
        List<Run> runs = new ArrayList<>();
        for (String size : System.getProperty("bench.tenants", "1000").split(",")) {
            runs.add(run(server, handle, Integer.parseInt(size.trim())));
            // Written after each size: a long run still leaves the sizes it finished.
            String report = report(runs);
            System.out.println(report);
            BenchmarkPage.writeSection(docs.resolve("benchmarks.md"), "export-import", report);
        }
        handle.delete();
        System.exit(0);
    }

    private static Run run(KeycloakServer server, TestRealm handle, int tenants) throws Exception {
        String name = "bench-export-" + tenants + "-" + UUID.randomUUID().toString().substring(0, 6);
        String realms = server.baseUrl() + "/admin/realms";
        String tenancy = realms + "/" + name + "/tenancy";
        long keycloakCreate = timed(() -> expect(201, Http.post(realms, handle.adminToken(), realm(name, tenants)),
                "create the realm"));
        // The roles and module our rows name: an import checks them against the realm's configuration.
        expect(200, Http.put(tenancy + "/config", handle.adminToken(), "{\"roles\": {\"admin\": {\"permissions\":"
                + " [\"manage-members\"]}, \"member\": {}}, \"modules\": {\"billing\": {\"admin\": \"admin\","
                + " \"member\": \"read\"}}}"), "configure tenancy");
        Path file = Path.of("target", name + "-realm.json").toAbsolutePath();
        long keycloakExportBare = timed(() -> KeycloakTool.run(server, "export", "--realm=" + name, "--file=" + file,
                "--users=same_file"));
        int rows = fill(server, name);
        long keycloakExport = timed(() -> KeycloakTool.run(server, "export", "--realm=" + name, "--file=" + file,
                "--users=same_file"));
        JsonNode[] ours = new JsonNode[1];
        long ourExport = timed(() -> ours[0] = expect(200, Http.get(tenancy + "/export", handle.adminToken()),
                "our export").json());
        long ourBytes = ours[0].toString().getBytes(StandardCharsets.UTF_8).length;
        long delete = timed(() -> expect(204, Http.delete(realms + "/" + name, handle.adminToken()), "delete"));
        JsonNode keycloakFile = Json.parse(Files.readString(file));
        long keycloakImport = timed(() -> expect(201, Http.post(realms, handle.adminToken(), keycloakFile),
                "Keycloak's import"));
        long ourImport = timed(() -> expect(200, Http.post(tenancy + "/import", handle.adminToken(), ours[0]),
                "our import"));
        long ourImportAgain = timed(() -> expect(200, Http.post(tenancy + "/import", handle.adminToken(), ours[0]),
                "our import again"));
        int back = 0;
        JsonNode exported = Http.get(tenancy + "/export", handle.adminToken()).json();
        for (String kind : List.of("memberRoles", "moduleOverrides", "invitations", "invitationRoles", "apiKeys",
                "credentials")) {
            back += exported.path(kind).size();
        }
        if (back != rows) {
            throw new IllegalStateException("imported " + back + " rows of " + rows);
        }
        expect(204, Http.delete(realms + "/" + name, handle.adminToken()), "delete");
        Files.deleteIfExists(file);
        return new Run(tenants, keycloakCreate, keycloakExportBare, keycloakExport, ourExport, ourBytes, delete,
                keycloakImport, ourImport, ourImportAgain, rows);
    }

    private static ObjectNode realm(String name, int tenants) {
        ObjectNode realm = Json.object().put("realm", name).put("enabled", true).put("organizationsEnabled", true);
        ArrayNode users = realm.putArray("users");
        ArrayNode organizations = realm.putArray("organizations");
        for (int i = 0; i < tenants; i++) {
            users.addObject().put("username", "user-" + i).put("email", "user-" + i + "@example.com")
                    .put("enabled", true);
            ObjectNode organization = organizations.addObject().put("name", "Tenant " + i).put("alias", "tenant-" + i)
                    .put("enabled", true);
            organization.putArray("domains").addObject().put("name", "tenant-" + i + ".example.com");
            organization.putArray("members").addObject().put("username", "user-" + i)
                    .put("membershipType", "UNMANAGED");
        }
        return realm;
    }

    /** Our rows, inserted over JDBC: six per tenant. The credential's ciphertext is not real (never revealed here). */
    private static int fill(KeycloakServer server, String realmName) throws Exception {
        int rows = 0;
        long now = System.currentTimeMillis();
        try (Connection connection = server.database().openJdbc()) {
            connection.setAutoCommit(false);
            String realmId;
            try (PreparedStatement query = connection.prepareStatement("select ID from REALM where NAME = ?")) {
                query.setString(1, realmName);
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    realmId = result.getString(1);
                }
            }
            List<String[]> members = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("select o.ID, m.USER_ID from ORG o"
                    + " join USER_GROUP_MEMBERSHIP m on m.GROUP_ID = o.GROUP_ID where o.REALM_ID = ?")) {
                query.setString(1, realmId);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        members.add(new String[] {result.getString(1), result.getString(2)});
                    }
                }
            }
            try (PreparedStatement role = connection.prepareStatement("insert into TENANCY_MEMBER_ROLE (ID, REALM_ID,"
                    + " TENANT_ID, USER_ID, ROLE_NAME) values (?, ?, ?, ?, 'admin')");
                    PreparedStatement override = connection.prepareStatement("insert into TENANCY_MODULE_OVERRIDE (ID,"
                            + " REALM_ID, TENANT_ID, ROLE_NAME, MODULE_NAME, MODULE_LEVEL) values (?, ?, ?, 'member',"
                            + " 'billing', 'read')");
                    PreparedStatement invitation = connection.prepareStatement("insert into TENANCY_INVITATION (ID,"
                            + " REALM_ID, TENANT_ID, EMAIL, TOKEN_HASH, STATUS, CREATED_AT, SENT_AT, EXPIRES_AT,"
                            + " LINK_SHOWN, RESEND_COUNT) values (?, ?, ?, ?, ?, 'pending', ?, ?, ?, false, 0)");
                    PreparedStatement invitationRole = connection.prepareStatement("insert into"
                            + " TENANCY_INVITATION_ROLE (ID, INVITATION_ID, ROLE_NAME) values (?, ?, 'member')");
                    PreparedStatement key = connection.prepareStatement("insert into TENANCY_API_KEY (ID, REALM_ID,"
                            + " TENANT_ID, USER_ID, NAME, KEY_PREFIX, KEY_HASH, SCOPES, CREATED_AT) values (?, ?, ?, ?,"
                            + " 'bench', 'tnc_', ?, 'billing:read', ?)");
                    PreparedStatement credential = connection.prepareStatement("insert into TENANCY_CREDENTIAL (ID,"
                            + " REALM_ID, SCOPE, OWNER_ID, NAME, NAME_KEY, PROVIDER, TYPE, CIPHERTEXT, WRAPPED_KEY,"
                            + " KEK_VERSION, MASKED_VALUE, ACTIVE, CREATED_AT, UPDATED_AT, BINDING_VERSION, ROW_VERSION)"
                            + " values (?, ?, 'TENANT', ?, 'smtp', 'smtp', 'bench', 'SECRET', ?, ?, 1, '••••', true, ?,"
                            + " ?, 2, 0)")) {
                int i = 0;
                for (String[] member : members) {
                    String tenant = member[0];
                    String user = member[1];
                    role.setString(1, UUID.randomUUID().toString());
                    role.setString(2, realmId);
                    role.setString(3, tenant);
                    role.setString(4, user);
                    role.addBatch();
                    override.setString(1, UUID.randomUUID().toString());
                    override.setString(2, realmId);
                    override.setString(3, tenant);
                    override.addBatch();
                    String invitationId = UUID.randomUUID().toString();
                    invitation.setString(1, invitationId);
                    invitation.setString(2, realmId);
                    invitation.setString(3, tenant);
                    invitation.setString(4, "invitee-" + i + "@example.com");
                    invitation.setString(5, hex64());
                    invitation.setLong(6, now);
                    invitation.setLong(7, now);
                    invitation.setLong(8, now + 86_400_000L);
                    invitation.addBatch();
                    invitationRole.setString(1, UUID.randomUUID().toString());
                    invitationRole.setString(2, invitationId);
                    invitationRole.addBatch();
                    key.setString(1, UUID.randomUUID().toString());
                    key.setString(2, realmId);
                    key.setString(3, tenant);
                    key.setString(4, user);
                    key.setString(5, hex64());
                    key.setLong(6, now);
                    key.addBatch();
                    credential.setString(1, UUID.randomUUID().toString());
                    credential.setString(2, realmId);
                    credential.setString(3, tenant);
                    credential.setString(4, "x".repeat(120));
                    credential.setString(5, "y".repeat(80));
                    credential.setLong(6, now);
                    credential.setLong(7, now);
                    credential.addBatch();
                    rows += ROWS_PER_TENANT;
                    i++;
                }
                for (PreparedStatement statement : List.of(role, override, invitation, invitationRole, key,
                        credential)) {
                    statement.executeBatch();
                }
            }
            connection.commit();
        }
        return rows;
    }

    private static String hex64() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    private static HttpResult expect(int status, HttpResult result, String what) {
        TenancyApi.expect(status, result, what);
        return result;
    }

    private static long timed(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String report(List<Run> runs) {
        StringBuilder table = new StringBuilder("| tenants | our rows | Keycloak: create realm (REST import) s |"
                + " `kc.sh export` without our rows s | `kc.sh export` with our rows s | our export s (size) |"
                + " delete realm s | Keycloak: import of its file (REST) s | our import s | our import again s |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Run run : runs) {
            table.append(String.format(Locale.ROOT,
                    "| %,d | %,d | %.1f | %.1f | %.1f | %.2f (%,d kB) | %.1f | %.1f | %.2f | %.2f |%n",
                    run.tenants(), run.rows(), run.keycloakCreate() / 1000.0, run.keycloakExportBare() / 1000.0,
                    run.keycloakExport() / 1000.0, run.ourExport() / 1000.0, run.ourBytes() / 1024,
                    run.delete() / 1000.0, run.keycloakImport() / 1000.0, run.ourImport() / 1000.0,
                    run.ourImportAgain() / 1000.0));
        }
        return "## Export and import — last run " + LocalDate.now() + "\n\n"
                + "Written by `dev.tenancy.keycloak.bench.ExportImportBenchmark`; reproduce with"
                + " `mvn -Pbenchmark package -Dbench.main=dev.tenancy.keycloak.bench.ExportImportBenchmark"
                + " -Dbench.tenants=250,1000 -Dtenancy.test.requestSeconds=1800` (Keycloak's import of a realm takes"
                + " longer than the tests' 60 s request limit).\n\n"
                + "Keycloak " + KeycloakServer.distributionVersion() + " in dev mode (H2), this jar, "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ". Each tenant is an organization with one domain and one member; our rows (" + ROWS_PER_TENANT
                + " per tenant: a tenant role, a module override, an invitation and its pre-assigned role, an API key,"
                + " a credential) are inserted over JDBC. `kc.sh export` is a separate JVM on the server's database"
                + " (its time includes that JVM's start, about half of it); Keycloak's import is `POST /admin/realms`"
                + " with the exported file, which runs the same `RealmManager.importRealm` as `kc.sh import`. Our"
                + " export and import are the admin endpoints, timed by the client.\n\n"
                + table;
    }
}
