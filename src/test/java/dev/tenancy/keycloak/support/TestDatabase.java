package dev.tenancy.keycloak.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** The database Keycloak runs on in this test JVM, chosen by the system property {@code tenancy.test.db}. */
public interface TestDatabase {

    /** {@code h2}, {@code postgres} or {@code mariadb}. */
    String name();

    /** The {@code --db…} options for {@code kc.sh}. */
    List<String> keycloakOptions();

    /** A new connection to Keycloak's database, for tests that read the schema; the caller closes it. */
    Connection openJdbc() throws SQLException;

    /** Stops the database if this JVM started it. */
    void stop();

    /** Starts the database named by {@code tenancy.test.db} (default h2); H2 files live under the Keycloak dir. */
    static TestDatabase start(Path keycloakDir) {
        String name = System.getProperty("tenancy.test.db", "h2").trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "h2" -> new H2Database(keycloakDir);
            case "postgres" -> PostgresDatabase.start();
            case "mariadb" -> MariaDbDatabase.start();
            default -> throw new IllegalArgumentException(
                    "tenancy.test.db must be h2, postgres or mariadb, not " + name);
        };
    }
}
