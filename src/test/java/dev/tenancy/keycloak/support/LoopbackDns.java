package dev.tenancy.keycloak.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.spi.InitialContextFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real DNS server on loopback for one test class: Debian's {@code dnsmasq}, authoritative for {@code .test}
 * (unknown names are NXDOMAIN), serving the TXT records a test writes. dnsmasq reads records only at start, so
 * each change restarts it (about 50 ms). The test server asks it through the {@code tenancy-dns} options that
 * {@link #keycloakEnvironment} adds to every Keycloak the harness starts, on the fixed port
 * {@code -Dtenancy.test.dnsPort} (default 15353). Use as
 * {@code @RegisterExtension static final LoopbackDns dns = new LoopbackDns();}.
 */
public final class LoopbackDns implements BeforeAllCallback, AfterAllCallback {

    static final int PORT = Integer.getInteger("tenancy.test.dnsPort", 15353);
    private static final Path DNSMASQ = Path.of("/usr/sbin/dnsmasq");
    /**
     * Answers A, so that this server can be seen to be up: a name of its own per start, so that another dnsmasq
     * still bound to the port (left by a killed run) cannot pass for it.
     */
    private String readyName;

    private final Map<String, List<String>> txt = new LinkedHashMap<>();
    private final List<String> hostsOnly = new ArrayList<>();
    private Process dnsmasq;

    /** What the harness hands every Keycloak it starts, so that the domain proof asks this server. */
    static Map<String, String> keycloakEnvironment() {
        return Map.of("KC_SPI_TENANCY_DNS__JNDI__SERVERS", "127.0.0.1:" + PORT,
                "KC_SPI_TENANCY_DNS__JNDI__TIMEOUT", "500",
                "KC_SPI_TENANCY_DNS__JNDI__ATTEMPTS", "1",
                "KC_SPI_TENANCY_DNS__JNDI__DEADLINE", "3000");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Publishes TXT records at {@code name} (replacing those there); none given removes the name. */
    public synchronized void txt(String name, String... values) {
        txt.remove(name);
        if (values.length > 0) {
            txt.put(name, List.of(values));
        }
        restart();
    }

    /** Makes {@code name} exist with an A record and no TXT record. */
    public synchronized void hostOnly(String name) {
        hostsOnly.add(name);
        restart();
    }

    /** Stops answering, as a DNS server that is down; {@link #start} brings it back with the same records. */
    public synchronized void stop() {
        if (dnsmasq == null) {
            return;
        }
        dnsmasq.destroy();
        try {
            if (!dnsmasq.waitFor(5, TimeUnit.SECONDS)) {
                dnsmasq.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        dnsmasq = null;
    }

    public synchronized void start() {
        if (!Files.isExecutable(DNSMASQ)) {
            throw new IllegalStateException(DNSMASQ + " is missing: install Debian's dnsmasq-base (.ci/run does)");
        }
        readyName = "ready-" + UUID.randomUUID() + ".dns.test";
        List<String> command = new ArrayList<>(List.of(DNSMASQ.toString(), "--keep-in-foreground",
                "--conf-file=/dev/null", "--pid-file=", "--port=" + PORT, "--listen-address=127.0.0.1",
                "--bind-interfaces", "--no-resolv", "--no-hosts", "--local=/test/", "--log-facility=-",
                "--user=" + System.getProperty("user.name"), "--host-record=" + readyName + ",127.0.0.1"));
        hostsOnly.forEach(name -> command.add("--host-record=" + name + ",127.0.0.1"));
        txt.forEach((name, values) -> values.forEach(value -> command.add("--txt-record=" + name + "," + value)));
        try {
            Path log = Files.createTempFile("dnsmasq", ".log");
            dnsmasq = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Process started = dnsmasq;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "dnsmasq-stop"));
            awaitAnswer(log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start dnsmasq", e);
        }
    }

    private void restart() {
        stop();
        start();
    }

    private void awaitAnswer(Path log) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (!dnsmasq.isAlive()) {
                throw new IllegalStateException("dnsmasq exited: " + Files.readString(log));
            }
            if (answers(readyName)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("dnsmasq did not answer on port " + PORT + ": " + Files.readString(log));
    }

    private static boolean answers(String readyName) {
        Hashtable<String, Object> environment = new Hashtable<>();
        environment.put(Context.PROVIDER_URL, "dns://127.0.0.1:" + PORT);
        environment.put("com.sun.jndi.dns.timeout.initial", "100");
        environment.put("com.sun.jndi.dns.timeout.retries", "1");
        InitialContextFactory factory = ServiceLoader.load(ModuleLayer.boot(), InitialContextFactory.class).stream()
                .filter(provider -> provider.type().getName().equals("com.sun.jndi.dns.DnsContextFactory"))
                .findFirst().orElseThrow().get();
        try {
            DirContext dns = (DirContext) factory.getInitialContext(environment);
            try {
                return dns.getAttributes(readyName, new String[] {"A"}).get("A") != null;
            } finally {
                dns.close();
            }
        } catch (NamingException e) {
            return false;
        }
    }
}
