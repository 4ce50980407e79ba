package dev.tenancy.keycloak.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of {@code kc.sh}: starts it ({@code start-dev} for the single test server, {@code start --optimized}
 * for a cluster node), waits until it is ready, and stops its whole process tree.
 */
final class KeycloakProcess {

    // -Dtenancy.test.httpPort / managementPort let a second checkout run its tests beside this one.
    static final int HTTP_PORT = Integer.getInteger("tenancy.test.httpPort", 8181);
    static final int MANAGEMENT_PORT = Integer.getInteger("tenancy.test.managementPort", 9181);
    // -Dtenancy.test.readySeconds gives a busy machine (several checkouts testing at once) more time to start.
    private static final Duration READY_LIMIT = Duration.ofSeconds(Integer.getInteger("tenancy.test.readySeconds", 180));
    private static final Duration STOP_LIMIT = Duration.ofSeconds(60);
    private static final HttpClient PROBE = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final ServerLog log;
    private final long startMark;
    private final int httpPort;
    private final int managementPort;

    private KeycloakProcess(Process process, ServerLog log, long startMark, int httpPort, int managementPort) {
        this.process = process;
        this.log = log;
        this.startMark = startMark;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
    }

    /** Starts Keycloak and returns once {@code /health/ready} answers 200 and the master realm is served. */
    static KeycloakProcess start(Path keycloakDir, TestDatabase database, ServerLog log, List<String> extraOptions) {
        List<String> command = command(keycloakDir, database);
        command.addAll(extraOptions);
        return start(keycloakDir, command, HTTP_PORT, MANAGEMENT_PORT, log, database.name());
    }

    /**
     * Runs {@code command} (kc.sh and all its options, which must name these two ports) in {@code keycloakDir}
     * and returns once it is ready; {@code label} names the server in the console.
     */
    static KeycloakProcess start(Path keycloakDir, List<String> command, int httpPort, int managementPort,
            ServerLog log, String label) {
        for (int port : new int[] {httpPort, managementPort}) {
            if (inUse(port)) {
                throw new IllegalStateException(
                        "port " + port + " is already in use: is another Keycloak test run going on?");
            }
        }
        long mark = log.length();
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(keycloakDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        configureEnvironment(builder.environment());
        Instant started = Instant.now();
        KeycloakProcess keycloak;
        try {
            keycloak = new KeycloakProcess(builder.start(), log, mark, httpPort, managementPort);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run kc.sh", e);
        }
        keycloak.awaitReady();
        System.err.printf("Keycloak on %s ready after %d s%n", label,
                Duration.between(started, Instant.now()).toSeconds());
        return keycloak;
    }

    private static List<String> command(Path keycloakDir, TestDatabase database) {
        List<String> command = new ArrayList<>(List.of(
                keycloakDir.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                "--http-port=" + HTTP_PORT,
                "--http-management-port=" + MANAGEMENT_PORT,
                "--health-enabled=true",
                // TenancyMetricsIT reads our meters at /metrics on the management port.
                "--metrics-enabled=true",
                "--features=declarative-ui",
                // The tests count SQL statements in the log; the benchmark turns that off.
                "--log-level=" + System.getProperty("tenancy.test.logLevel", "INFO,org.hibernate.SQL:debug")));
        command.addAll(database.keycloakOptions());
        command.addAll(TestKeys.keycloakOptions());
        return command;
    }

    static void configureEnvironment(Map<String, String> environment) {
        // Settings from the developer's shell must not change the server under test.
        environment.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("QUARKUS_"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        // Only read when the master realm is created, i.e. on the first start with a fresh database.
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        // The domain proof asks the tests' loopback DNS server (LoopbackDns), whichever test class runs it.
        environment.putAll(LoopbackDns.keycloakEnvironment());
    }

    // With health enabled Keycloak bootstraps asynchronously; the master realm answering shows bootstrap is done.
    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_LIMIT);
        String ready = "http://localhost:" + managementPort + "/health/ready";
        String master = "http://localhost:" + httpPort + "/realms/master/.well-known/openid-configuration";
        while (!(answers(ready) && answers(master))) {
            if (!process.isAlive()) {
                throw failure("Keycloak exited with code " + process.exitValue() + " before it was ready");
            }
            if (Instant.now().isAfter(deadline)) {
                stop();
                throw failure("Keycloak was not ready within " + READY_LIMIT.toSeconds() + " s");
            }
            ServerLog.pause(500);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException(what + "; log " + log.file() + " ends with:\n" + log.tail(startMark, 80));
    }

    private static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean answers(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            return PROBE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Asks the JVM behind kc.sh to shut down, then kills whatever is left once the limit has passed. */
    void stop() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        // kc.sh forwards TERM to Java too; signalling both makes sure Java gets it even after kc.sh exec'd into it.
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(STOP_LIMIT);
        for (ProcessHandle handle : tree) {
            awaitExit(handle, Duration.between(Instant.now(), deadline));
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            handle.onExit().join();
        }
    }

    /** Kills the whole process tree at once (SIGKILL): a crash, with no shutdown of any kind. */
    void kill() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            handle.onExit().join();
        }
    }

    private static void awaitExit(ProcessHandle handle, Duration limit) {
        try {
            handle.onExit().get(Math.max(0, limit.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Killed forcibly by the caller.
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
