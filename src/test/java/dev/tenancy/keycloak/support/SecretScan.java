package dev.tenancy.keycloak.support;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Searches every text column of every table of Keycloak's database for given strings, to prove that a
 * secret is stored nowhere in clear. Run it with a known stored value too (a hash), so the scan itself is
 * shown to find things.
 */
public final class SecretScan {

    private static final Set<Integer> TEXT_TYPES = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR,
            Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB);

    private SecretScan() {
    }

    /** "table.column" for every column that contains one of {@code needles}. */
    public static List<String> find(KeycloakServer server, Collection<String> needles) throws SQLException {
        List<String> hits = new ArrayList<>();
        if (needles.isEmpty()) {
            return hits;
        }
        try (Connection connection = server.database().openJdbc()) {
            DatabaseMetaData meta = connection.getMetaData();
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rows = meta.getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
                while (rows.next()) {
                    if (TEXT_TYPES.contains(rows.getInt("DATA_TYPE")) && isTable(meta, connection,
                            rows.getString("TABLE_NAME"))) {
                        columns.add(new String[] {rows.getString("TABLE_NAME"), rows.getString("COLUMN_NAME")});
                    }
                }
            }
            String quote = meta.getIdentifierQuoteString().trim();
            for (String[] column : columns) {
                StringBuilder sql = new StringBuilder("select count(*) from ")
                        .append(quote).append(column[0]).append(quote).append(" where ");
                for (int i = 0; i < needles.size(); i++) {
                    sql.append(i == 0 ? "" : " or ").append(quote).append(column[1]).append(quote).append(" like ?");
                }
                try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                    int index = 1;
                    for (String needle : needles) {
                        statement.setString(index++, "%" + needle + "%");
                    }
                    try (ResultSet count = statement.executeQuery()) {
                        if (count.next() && count.getLong(1) > 0) {
                            hits.add(column[0] + "." + column[1]);
                        }
                    }
                } catch (SQLException e) {
                    // Columns that cannot be compared with LIKE (some CLOB flavours) are reported, not skipped.
                    hits.add(column[0] + "." + column[1] + " (unscannable: " + e.getMessage() + ")");
                }
            }
        }
        return hits;
    }

    private static final java.util.Map<String, Boolean> TABLES = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean isTable(DatabaseMetaData meta, Connection connection, String name) throws SQLException {
        Boolean known = TABLES.get(name);
        if (known != null) {
            return known;
        }
        try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), name,
                new String[] {"TABLE"})) {
            boolean table = tables.next();
            TABLES.put(name, table);
            return table;
        }
    }
}
