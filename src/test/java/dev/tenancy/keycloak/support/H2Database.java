package dev.tenancy.keycloak.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Keycloak's dev-file H2 database, opened with {@code AUTO_SERVER=TRUE} so tests can read it while Keycloak runs.
 *
 * <p>The URL is Keycloak 26.7's default dev-file URL ({@code Database.Vendor.H2}: {@code <home>/data/h2/keycloakdb}
 * plus {@code NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=0}) except {@code DB_CLOSE_ON_EXIT=FALSE}: H2
 * rejects it together with {@code AUTO_SERVER=TRUE}. Keycloak only adds those options to its default URL, never to
 * an explicit {@code --db-url}, so they are all spelled out here.
 *
 * <p>The file lives in {@code target/it-h2}, not in the distribution's {@code data/h2}: that one is the demo's
 * ({@code mvn -Prun package}), which must start after a test run and keep its data across one. Each test run
 * starts with an empty file.
 */
final class H2Database implements TestDatabase {

    private final JdbcAccount account;

    H2Database(Path keycloakDir) {
        Path dir = keycloakDir.toAbsolutePath().getParent().resolve("it-h2");
        KeycloakServer.deleteRecursively(dir);
        Path file = dir.resolve("keycloakdb");
        String url = "jdbc:h2:file:" + file + ";NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=0;AUTO_SERVER=TRUE";
        this.account = new JdbcAccount("dev-file", url, "sa", "password");
    }

    @Override
    public String name() {
        return "h2";
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
        // Keycloak owns the database file; it closes it when it stops.
    }
}
