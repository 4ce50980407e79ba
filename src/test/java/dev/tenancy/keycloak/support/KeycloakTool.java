package dev.tenancy.keycloak.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keycloak's own command-line tools ({@code kc.sh export}, {@code kc.sh import}) as an operator runs them: a separate
 * process on the test server's database. It runs from a copy of the distribution, because these commands build the
 * server for the production profile and the running test server's installation must not be rebuilt under it.
 */
public final class KeycloakTool {

    private static final Duration LIMIT = Duration.ofSeconds(Integer.getInteger("tenancy.test.readySeconds", 180) * 2L);

    private KeycloakTool() {
    }

    /** Runs {@code kc.sh <command> <arguments…>} with the server's database options; fails unless it exits 0. */
    public static String run(KeycloakServer server, String command, String... arguments) {
        Path copy = copyOf(server.keycloakDir());
        List<String> line = new ArrayList<>(List.of(copy.resolve("bin").resolve("kc.sh").toString(), command));
        line.addAll(List.of(arguments));
        line.add("--features=declarative-ui");
        line.addAll(server.database().keycloakOptions());
        line.addAll(TestKeys.keycloakOptions());
        Path output = copy.resolve("tool-" + command + ".log");
        ProcessBuilder builder = new ProcessBuilder(line)
                .directory(copy.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        KeycloakProcess.configureEnvironment(builder.environment());
        Instant started = Instant.now();
        try {
            Process process = builder.start();
            if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("kc.sh " + command + " did not end within " + LIMIT.toSeconds()
                        + " s; output:\n" + Files.readString(output));
            }
            String log = Files.readString(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kc.sh " + command + " exited with " + process.exitValue()
                        + "; output:\n" + log);
            }
            System.err.printf("kc.sh %s took %d s%n", command, Duration.between(started, Instant.now()).toSeconds());
            return log;
        } catch (IOException e) {
            throw new IllegalStateException("could not run kc.sh " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * The copy, made on first use; its {@code providers/} is brought in line with the server's on each use, copying a
     * jar only when its bytes changed, so that {@code kc.sh} rebuilds the copy only for a new jar.
     */
    private static synchronized Path copyOf(Path keycloakDir) {
        Path copy = keycloakDir.resolveSibling(keycloakDir.getFileName() + "-tools");
        try {
            if (!Files.isDirectory(copy)) {
                Process cp = new ProcessBuilder("cp", "-a", keycloakDir.toString(), copy.toString())
                        .redirectErrorStream(true).start();
                if (cp.waitFor() != 0) {
                    throw new IllegalStateException("could not copy " + keycloakDir + ": "
                            + new String(cp.getInputStream().readAllBytes()));
                }
            }
            syncProviders(keycloakDir.resolve("providers"), copy.resolve("providers"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + keycloakDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return copy;
    }

    private static void syncProviders(Path from, Path to) throws IOException {
        Set<String> wanted = new HashSet<>();
        try (Stream<Path> jars = Files.list(from)) {
            for (Path jar : jars.toList()) {
                Path target = to.resolve(jar.getFileName().toString());
                wanted.add(jar.getFileName().toString());
                if (!Files.exists(target) || Files.mismatch(jar, target) != -1) {
                    Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (Stream<Path> jars = Files.list(to)) {
            for (Path jar : jars.toList()) {
                if (!wanted.contains(jar.getFileName().toString())) {
                    Files.delete(jar);
                }
            }
        }
    }
}
