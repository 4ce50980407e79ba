package dev.tenancy.keycloak.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/** Where a database is and who logs in: shared by Keycloak's options and the tests' own connections. */
record JdbcAccount(String keycloakVendor, String url, String username, String password) {

    List<String> keycloakOptions() {
        return List.of("--db=" + keycloakVendor, "--db-url=" + url,
                "--db-username=" + username, "--db-password=" + password);
    }

    Connection open() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }
}
