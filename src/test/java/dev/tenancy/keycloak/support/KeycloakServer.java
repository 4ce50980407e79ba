package dev.tenancy.keycloak.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The real Keycloak server of this test JVM, with our jar in {@code providers/}, started once and stopped at exit. */
public final class KeycloakServer implements KeycloakNode {

    private static KeycloakServer instance;
    private static RuntimeException startFailure;

    private final Path keycloakDir;
    private final TestDatabase database;
    private final ServerLog log;
    private KeycloakProcess process;
    private int generation;
    private List<String> extraOptions = List.of();

    private KeycloakServer(Path keycloakDir, TestDatabase database, ServerLog log) {
        this.keycloakDir = keycloakDir;
        this.database = database;
        this.log = log;
    }

    /** The running server; the first call installs the provider jar, starts the database and Keycloak. */
    public static synchronized KeycloakServer get() {
        if (startFailure != null) {
            // Fail every later test class at once instead of waiting for another start that will fail the same way.
            throw new IllegalStateException("Keycloak did not start earlier in this JVM", startFailure);
        }
        if (instance == null) {
            try {
                instance = create();
            } catch (RuntimeException e) {
                instance = null;
                startFailure = e;
                throw e;
            }
        }
        return instance;
    }

    private static KeycloakServer create() {
        Path keycloakDir = Paths.get(requiredProperty("tenancy.keycloak.dir")).toAbsolutePath();
        Path providerJar = Paths.get(requiredProperty("tenancy.provider.jar"));
        Optional<Path> releasedJar = UpgradeSeed.releasedJar();
        installProvider(keycloakDir, releasedJar.orElse(providerJar), releasedJar.isEmpty());
        Instant databaseStart = Instant.now();
        TestDatabase database = TestDatabase.start(keycloakDir);
        System.err.printf("Database %s started in %d ms%n", database.name(),
                Duration.between(databaseStart, Instant.now()).toMillis());
        ServerLog log = new ServerLog(logFile(database.name()));
        KeycloakServer server = new KeycloakServer(keycloakDir, database, log);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutDown, "keycloak-server-stop"));
        server.start();
        if (releasedJar.isPresent()) {
            // The seed reaches the server through KeycloakServer.get(), as the tests do.
            instance = server;
            UpgradeSeed.seed(server, releasedJar.get());
            server.process.stop();
            server.process = null;
            installProvider(keycloakDir, providerJar, true);
            server.start();
        }
        return server;
    }

    @Override
    public String baseUrl() {
        return "http://localhost:" + KeycloakProcess.HTTP_PORT;
    }

    /** Health and metrics live on the management port. */
    public String managementUrl() {
        return "http://localhost:" + KeycloakProcess.MANAGEMENT_PORT;
    }

    public TestDatabase database() {
        return database;
    }

    /** The distribution the server runs from (with our jar in {@code providers/}). */
    Path keycloakDir() {
        return keycloakDir;
    }

    /** Stops Keycloak and starts it again on the same database with the data kept. */
    public synchronized void restart() {
        process.stop();
        process = null;
        start();
    }

    /**
     * Stops Keycloak and starts it again with these options added to the usual ones (they replace the options
     * of an earlier call); {@code List.of()} goes back to the usual server.
     */
    public synchronized void restartWith(List<String> options) {
        process.stop();
        process = null;
        extraOptions = List.copyOf(options);
        start();
    }

    /** Kills Keycloak as a crash would (SIGKILL, nothing shut down) and starts it again on the same database. */
    public synchronized void crashAndRestart() {
        process.kill();
        process = null;
        start();
    }

    /** The current length of the server log, to pass to {@link #logSince(long)} later. */
    public long logMark() {
        return log.length();
    }

    /** What the server logged since {@code mark}, once it has stopped writing. */
    public String logSince(long mark) {
        return log.since(mark);
    }

    public Path logFile() {
        return log.file();
    }

    /** Counts starts, so that cached tokens can be dropped after a restart. */
    @Override
    public synchronized int generation() {
        return generation;
    }

    private void start() {
        process = KeycloakProcess.start(keycloakDir, database, log, extraOptions);
        generation++;
    }

    private synchronized void shutDown() {
        if (process != null) {
            process.stop();
            process = null;
        }
        database.stop();
    }

    private static Path logFile(String databaseName) {
        Path projectDir = Paths.get(System.getProperty("tenancy.project.dir", "."));
        return projectDir.resolve("target").resolve("keycloak-" + databaseName + ".log").toAbsolutePath();
    }

    // Only our jar and the test probe: a jar left over from another build would be loaded as a second provider.
    // A released jar runs without the probe, which is built against this build's classes.
    private static void installProvider(Path keycloakDir, Path providerJar, boolean withProbe) {
        if (!Files.isRegularFile(providerJar)) {
            throw new IllegalStateException("provider jar " + providerJar + " is missing: run mvn package first");
        }
        Path providers = keycloakDir.resolve("providers");
        try {
            Files.createDirectories(providers);
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(providers, "*.jar")) {
                for (Path jar : jars) {
                    Files.delete(jar);
                }
            }
            Files.copy(providerJar, providers.resolve(providerJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            if (withProbe) {
                ProbeJar.write(providers.resolve(ProbeJar.NAME));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "26.7.5": the version of the distribution the harness starts (its {@code version.txt}), for reports. */
    public static String distributionVersion() {
        Path versionFile = Paths.get(requiredProperty("tenancy.keycloak.dir")).resolve("version.txt");
        try {
            String text = Files.readString(versionFile).strip();
            return text.substring(text.lastIndexOf(' ') + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "system property " + name + " is not set: run the *IT classes through failsafe");
        }
        return value;
    }
}
