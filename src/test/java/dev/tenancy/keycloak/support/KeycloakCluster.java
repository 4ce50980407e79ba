package dev.tenancy.keycloak.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Two Keycloak nodes in production mode on loopback, one embedded PostgreSQL, clustered by Keycloak's own
 * Infinispan (default {@code jdbc-ping} discovery): started once per test JVM (the {@code it-cluster} failsafe
 * execution), stopped at exit. Runs from its own copy of the distribution, {@code target/keycloak-cluster}, so
 * the single test server's {@code start-dev} directory is left alone. Both nodes answer as
 * {@code --hostname=<node A>}, so a token issued by one node is valid on the other, as behind a load balancer.
 */
public final class KeycloakCluster {

    private static final int[] HTTP_PORTS = ports("tenancy.test.cluster.httpPorts", "8191,8192");
    private static final int[] MANAGEMENT_PORTS = ports("tenancy.test.cluster.managementPorts", "9191,9192");
    private static final int[] BIND_PORTS = ports("tenancy.test.cluster.bindPorts", "57811,57812");
    private static final Duration VIEW_LIMIT = Duration.ofSeconds(
            Integer.getInteger("tenancy.test.readySeconds", 180));
    // "ISPN000094: Received new cluster view for channel ISPN: [node-a|1] (2) [node-a, node-b]"
    private static final Pattern VIEW = Pattern.compile("ISPN000094: [^\\n]*?\\] \\((\\d+)\\)");
    /** Options fixed when the distribution is built; {@code start --optimized} must not repeat them. */
    private static final List<String> BUILD_OPTIONS = List.of(
            "--db=postgres", "--health-enabled=true", "--metrics-enabled=true", "--features=declarative-ui");

    private static KeycloakCluster instance;
    private static RuntimeException startFailure;

    private final Path keycloakDir;
    private final TestDatabase database;
    private final Node a;
    private final Node b;

    private KeycloakCluster(Path keycloakDir, TestDatabase database) {
        this.keycloakDir = keycloakDir;
        this.database = database;
        this.a = new Node("a", 0);
        this.b = new Node("b", 1);
    }

    /**
     * The running cluster with both nodes up; the first call copies and builds the distribution, starts
     * PostgreSQL and both nodes; a later call starts a node a test killed again.
     */
    public static synchronized KeycloakCluster get() {
        if (startFailure != null) {
            throw new IllegalStateException("the Keycloak cluster did not start earlier in this JVM", startFailure);
        }
        try {
            if (instance == null) {
                instance = create();
            } else {
                instance.restartKilledNodes();
            }
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
        return instance;
    }

    private void restartKilledNodes() {
        boolean started = false;
        for (Node node : List.of(a, b)) {
            if (!node.running()) {
                node.stop();
                node.start();
                started = true;
            }
        }
        if (started) {
            awaitFullView();
        }
    }

    private static KeycloakCluster create() {
        Instant begun = Instant.now();
        Path source = Paths.get(requiredProperty("tenancy.keycloak.dir")).toAbsolutePath();
        Path keycloakDir = projectTarget().resolve("keycloak-cluster");
        copyOnce(source, keycloakDir);
        installProviders(keycloakDir, Paths.get(requiredProperty("tenancy.provider.jar")));
        build(keycloakDir);
        TestDatabase database = PostgresDatabase.start();
        KeycloakCluster cluster = new KeycloakCluster(keycloakDir, database);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::shutDown, "keycloak-cluster-stop"));
        // One after the other: on an empty database two nodes starting at once race to create Liquibase's
        // DATABASECHANGELOG table (Keycloak's database lock lives in a table that does not exist yet), and the
        // loser exits ("relation databasechangelog already exists"; seen in CI). A first, which makes the schema.
        cluster.a.start();
        cluster.b.start();
        cluster.awaitFullView();
        System.err.printf("Keycloak cluster of two nodes ready after %d s%n",
                Duration.between(begun, Instant.now()).toSeconds());
        return cluster;
    }

    public Node a() {
        return a;
    }

    public Node b() {
        return b;
    }

    public TestDatabase database() {
        return database;
    }

    /** Returns once both nodes last logged a cluster view of two members. */
    public void awaitFullView() {
        awaitViews(2, a, b);
    }

    /** Returns once {@code node}'s last cluster view is itself alone (after the other node was killed). */
    public void awaitAlone(Node node) {
        awaitViews(1, node);
    }

    private void awaitViews(int members, Node... nodes) {
        Instant deadline = Instant.now().plus(VIEW_LIMIT);
        while (!java.util.Arrays.stream(nodes).allMatch(node -> node.viewSize() == members)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no " + members + "-member cluster view within "
                        + VIEW_LIMIT.toSeconds() + " s; node A saw " + a.viewSize() + ", node B " + b.viewSize()
                        + " (logs " + a.log.file() + ", " + b.log.file() + ")");
            }
            ServerLog.pause(250);
        }
    }

    /** One node: its ports, its log, its process. */
    public final class Node implements KeycloakNode {

        private final String name;
        private final int index;
        private final ServerLog log;
        private KeycloakProcess process;
        private long startMark;
        private int generation;

        private Node(String name, int index) {
            this.name = name;
            this.index = index;
            this.log = new ServerLog(projectTarget().resolve("keycloak-cluster-" + name + ".log"));
        }

        @Override
        public String baseUrl() {
            return "http://localhost:" + HTTP_PORTS[index];
        }

        public String managementUrl() {
            return "http://localhost:" + MANAGEMENT_PORTS[index];
        }

        @Override
        public synchronized int generation() {
            return generation;
        }

        public String name() {
            return name;
        }

        /** Kills the node as a crash would (SIGKILL, nothing shut down); {@link #start()} brings it back. */
        public synchronized void kill() {
            process.kill();
            process = null;
        }

        /** Starts the node (after {@link #kill()}) and returns once it is ready; the view may still be forming. */
        public synchronized void start() {
            if (process != null) {
                throw new IllegalStateException("node " + name + " is running");
            }
            startMark = log.length();
            process = KeycloakProcess.start(keycloakDir, command(), HTTP_PORTS[index], MANAGEMENT_PORTS[index],
                    log, "cluster node " + name);
            generation++;
        }

        public synchronized boolean running() {
            return process != null && process.isAlive();
        }

        /** The current length of the node's log, to pass to {@link #logSince(long)} later. */
        public long logMark() {
            return log.length();
        }

        /** What the node logged since {@code mark}, once it has stopped writing. */
        public String logSince(long mark) {
            return log.since(mark);
        }

        /** The member count of the last cluster view this run of the node logged; 0 before its first. */
        public int viewSize() {
            Matcher views = VIEW.matcher(log.since(startMark));
            int size = 0;
            while (views.find()) {
                size = Integer.parseInt(views.group(1));
            }
            return size;
        }

        private List<String> command() {
            List<String> command = new ArrayList<>(List.of(
                    keycloakDir.resolve("bin").resolve("kc.sh").toString(), "start", "--optimized",
                    "--http-enabled=true",
                    "--hostname=" + a.baseUrl(),
                    "--http-port=" + HTTP_PORTS[index],
                    "--http-management-port=" + MANAGEMENT_PORTS[index],
                    "--cache-embedded-network-bind-address=127.0.0.1",
                    "--cache-embedded-network-bind-port=" + BIND_PORTS[index],
                    "--log-level=" + System.getProperty("tenancy.test.cluster.logLevel", "INFO")));
            database.keycloakOptions().stream().filter(option -> !BUILD_OPTIONS.contains(option))
                    .forEach(command::add);
            command.addAll(TestKeys.keycloakOptions());
            return command;
        }

        private synchronized void stop() {
            if (process != null) {
                process.stop();
                process = null;
            }
        }
    }

    private synchronized void shutDown() {
        b.stop();
        a.stop();
        database.stop();
    }

    // A copy of the unpacked distribution, made once: its build step and data never touch the single server's.
    private static void copyOnce(Path source, Path target) {
        if (Files.isRegularFile(target.resolve("bin").resolve("kc.sh"))) {
            return;
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        KeycloakServer.deleteRecursively(partial);
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path relative = source.relativize(path);
                if (relative.startsWith("data") || relative.startsWith("providers")) {
                    continue;
                }
                Path copy = partial.resolve(relative.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            Files.move(partial, target);
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + source + " to " + target, e);
        }
    }

    private static void installProviders(Path keycloakDir, Path providerJar) {
        if (!Files.isRegularFile(providerJar)) {
            throw new IllegalStateException("provider jar " + providerJar + " is missing: run mvn package first");
        }
        Path providers = keycloakDir.resolve("providers");
        try {
            KeycloakServer.deleteRecursively(providers);
            Files.createDirectories(providers);
            Files.copy(providerJar, providers.resolve(providerJar.getFileName()));
            ProbeJar.write(providers.resolve(ProbeJar.NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // kc.sh build with our providers and the build options; both nodes then start --optimized.
    private static void build(Path keycloakDir) {
        Path buildLog = projectTarget().resolve("keycloak-cluster-build.log");
        List<String> command = new ArrayList<>(List.of(keycloakDir.resolve("bin").resolve("kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(keycloakDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(buildLog.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        KeycloakProcess.configureEnvironment(builder.environment());
        Instant started = Instant.now();
        try {
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kc.sh build exited with " + exit + "; see " + buildLog);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run kc.sh build", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        System.err.printf("kc.sh build for the cluster took %d s%n", Duration.between(started, Instant.now()).toSeconds());
    }

    private static Path projectTarget() {
        return Paths.get(System.getProperty("tenancy.project.dir", ".")).resolve("target").toAbsolutePath();
    }

    private static int[] ports(String property, String defaults) {
        String[] parts = System.getProperty(property, defaults).split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException(property + " must name two ports, as in " + defaults);
        }
        return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "system property " + name + " is not set: run the *ClusterIT classes through failsafe");
        }
        return value;
    }
}
