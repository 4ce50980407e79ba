package dev.tenancy.keycloak.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.keycloak.support.KeycloakServer;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The changelog on the real database: tables, unique keys, cascading foreign keys, and no second run. */
class SchemaIT {

    private final KeycloakServer server = KeycloakServer.get();

    @Test
    void tablesCarryTheirUniqueKeysAndCascadingForeignKeys() throws SQLException {
        try (Connection connection = server.database().openJdbc()) {
            DatabaseMetaData meta = connection.getMetaData();
            String memberRole = table(meta, connection, "TENANCY_MEMBER_ROLE");
            String override = table(meta, connection, "TENANCY_MODULE_OVERRIDE");

            assertThat(uniqueColumnSets(meta, connection, memberRole))
                    .contains(Set.of("REALM_ID", "TENANT_ID", "USER_ID", "ROLE_NAME"));
            assertThat(uniqueColumnSets(meta, connection, override))
                    .contains(Set.of("TENANT_ID", "ROLE_NAME", "MODULE_NAME"));
            assertThat(cascadingForeignKeys(meta, connection, memberRole))
                    .containsEntry("REALM_ID", "REALM").containsEntry("TENANT_ID", "ORG")
                    .containsEntry("USER_ID", "USER_ENTITY");
            assertThat(cascadingForeignKeys(meta, connection, override))
                    .containsEntry("REALM_ID", "REALM").containsEntry("TENANT_ID", "ORG");

            String invitation = table(meta, connection, "TENANCY_INVITATION");
            String invitationRole = table(meta, connection, "TENANCY_INVITATION_ROLE");
            String invitationGroup = table(meta, connection, "TENANCY_INVITATION_GROUP");
            assertThat(uniqueColumnSets(meta, connection, invitation))
                    .contains(Set.of("TOKEN_HASH"), Set.of("PENDING_KEY"));
            assertThat(cascadingForeignKeys(meta, connection, invitation))
                    .containsEntry("REALM_ID", "REALM").containsEntry("TENANT_ID", "ORG");
            assertThat(columns(meta, invitation))
                    .contains("LINK_SHOWN", "INVITED_VIA", "MAILED_BY", "MAILED_AT", "RESEND_COUNT");
            assertThat(uniqueColumnSets(meta, connection, invitationRole)).contains(Set.of("INVITATION_ID", "ROLE_NAME"));
            assertThat(cascadingForeignKeys(meta, connection, invitationRole))
                    .containsEntry("INVITATION_ID", "TENANCY_INVITATION");
            assertThat(uniqueColumnSets(meta, connection, invitationGroup)).contains(Set.of("INVITATION_ID", "GROUP_ID"));
            assertThat(cascadingForeignKeys(meta, connection, invitationGroup))
                    .containsEntry("INVITATION_ID", "TENANCY_INVITATION");

            String apiKey = table(meta, connection, "TENANCY_API_KEY");
            assertThat(uniqueColumnSets(meta, connection, apiKey)).contains(Set.of("KEY_HASH"));
            assertThat(cascadingForeignKeys(meta, connection, apiKey))
                    .containsEntry("REALM_ID", "REALM").containsEntry("TENANT_ID", "ORG")
                    .containsEntry("USER_ID", "USER_ENTITY");

            String credential = table(meta, connection, "TENANCY_CREDENTIAL");
            assertThat(uniqueColumnSets(meta, connection, credential))
                    .contains(Set.of("REALM_ID", "SCOPE", "OWNER_ID", "PROVIDER", "NAME_KEY"));
            assertThat(cascadingForeignKeys(meta, connection, credential)).containsEntry("REALM_ID", "REALM");
        }
    }

    @Test
    void aRestartAppliesNothingTwice() throws SQLException {
        List<String> before = appliedChangeSets();
        assertThat(before).contains("tenancy-2026-11-22-member-role", "tenancy-2026-11-22-module-override",
                "tenancy-2026-11-22-invitation", "tenancy-2026-11-22-api-key", "tenancy-2026-11-22-credential",
                "tenancy-2026-12-02-invitation-safety");

        server.restart();

        assertThat(appliedChangeSets()).isEqualTo(before);
    }

    private static Set<String> columns(DatabaseMetaData meta, String table) throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (ResultSet rows = meta.getColumns(null, null, table, null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
            }
        }
        return columns;
    }

    /** id|executed-at of every change set, in order; a second run would add rows or change the times. */
    private List<String> appliedChangeSets() throws SQLException {
        try (Connection connection = server.database().openJdbc();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select ID, DATEEXECUTED, MD5SUM from DATABASECHANGELOG_TENANCY_EN order by ORDEREXECUTED")) {
            List<String> applied = new ArrayList<>();
            while (rows.next()) {
                applied.add(rows.getString(1));
                applied.add(rows.getString(2) + "|" + rows.getString(3));
            }
            return applied.stream().filter(entry -> !entry.isEmpty()).toList();
        }
    }

    private static String table(DatabaseMetaData meta, Connection connection, String name) throws SQLException {
        try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String found = tables.getString("TABLE_NAME");
                if (found.equalsIgnoreCase(name)) {
                    return found;
                }
            }
        }
        throw new AssertionError("table " + name + " does not exist");
    }

    private static Set<Set<String>> uniqueColumnSets(DatabaseMetaData meta, Connection connection, String table)
            throws SQLException {
        Map<String, Set<String>> byIndex = new HashMap<>();
        try (ResultSet index = meta.getIndexInfo(connection.getCatalog(), connection.getSchema(), table, true, false)) {
            while (index.next()) {
                String column = index.getString("COLUMN_NAME");
                if (column != null) {
                    byIndex.computeIfAbsent(index.getString("INDEX_NAME"), name -> new TreeSet<>())
                            .add(column.toUpperCase(Locale.ROOT));
                }
            }
        }
        return Set.copyOf(byIndex.values());
    }

    /** column → referenced table, for foreign keys that cascade on delete. */
    private static Map<String, String> cascadingForeignKeys(DatabaseMetaData meta, Connection connection, String table)
            throws SQLException {
        Map<String, String> keys = new HashMap<>();
        try (ResultSet imported = meta.getImportedKeys(connection.getCatalog(), connection.getSchema(), table)) {
            while (imported.next()) {
                if (imported.getShort("DELETE_RULE") == DatabaseMetaData.importedKeyCascade) {
                    keys.put(imported.getString("FKCOLUMN_NAME").toUpperCase(Locale.ROOT),
                            imported.getString("PKTABLE_NAME").toUpperCase(Locale.ROOT));
                }
            }
        }
        return keys;
    }
}
