package dev.tenancy.keycloak.domain;

import dev.tenancy.keycloak.TenancyProviderFactory;
import dev.tenancy.keycloak.TenancyVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.spi.InitialContextFactory;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * DNS through the JDK's own DNS client (module {@code jdk.naming.dns}):
 * {@code --spi-tenancy-dns--jndi--servers=1.1.1.1,8.8.8.8} (default: the machine's resolvers),
 * {@code …--timeout=2000} (milliseconds of a server's first try, doubled on each further try) and
 * {@code …--attempts=2} (tries per server). Whatever the options, a lookup gets a hard deadline
 * ({@code …--deadline=8000} milliseconds) and at most {@value #CONCURRENT_LOOKUPS} run at once on a node: a
 * request waiting for DNS holds a worker thread and a database connection, and a tenant admin decides which
 * names are looked up (slow name servers included). A bad option stops the server at start with a message.
 */
public final class JndiDnsTxtLookupFactory implements DnsTxtLookupFactory, TenancyProviderFactory<DnsTxtLookup> {

    public static final String ID = "jndi";
    static final int CONCURRENT_LOOKUPS = 4;
    private static final int DEFAULT_TIMEOUT_MILLIS = 2000;
    private static final int DEFAULT_ATTEMPTS = 2;
    private static final int DEFAULT_DEADLINE_MILLIS = 8000;

    private DnsServers servers = DnsServers.parse(null);
    private int timeoutMillis = DEFAULT_TIMEOUT_MILLIS;
    private int attempts = DEFAULT_ATTEMPTS;
    private int deadlineMillis = DEFAULT_DEADLINE_MILLIS;
    private final Semaphore slots = new Semaphore(CONCURRENT_LOOKUPS);
    private ExecutorService lookups;
    private Optional<InitialContextFactory> jdkFactory = Optional.empty();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
        try {
            servers = DnsServers.parse(config.get("servers"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(DnsSpi.NAME + ": option servers: " + e.getMessage(), e);
        }
        timeoutMillis = config.getInt("timeout", DEFAULT_TIMEOUT_MILLIS);
        attempts = config.getInt("attempts", DEFAULT_ATTEMPTS);
        deadlineMillis = config.getInt("deadline", DEFAULT_DEADLINE_MILLIS);
        if (timeoutMillis < 100 || timeoutMillis > 10_000) {
            throw new IllegalStateException(DnsSpi.NAME + ": option timeout must be 100 to 10000 milliseconds");
        }
        if (attempts < 1 || attempts > 4) {
            throw new IllegalStateException(DnsSpi.NAME + ": option attempts must be 1 to 4");
        }
        if (deadlineMillis < 500 || deadlineMillis > 30_000) {
            throw new IllegalStateException(DnsSpi.NAME + ": option deadline must be 500 to 30000 milliseconds");
        }
        jdkFactory = JndiDnsTxtLookup.jdkFactory();
        AtomicInteger threads = new AtomicInteger();
        // Never more threads than slots: a lookup past its deadline keeps its thread and slot until the JDK's
        // client gives up, so a flood of slow names cannot pile threads up.
        lookups = new ThreadPoolExecutor(0, CONCURRENT_LOOKUPS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "tenancy-dns-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public DnsTxtLookup create(KeycloakSession session) {
        return new JndiDnsTxtLookup(servers, timeoutMillis, attempts, deadlineMillis, slots, lookups, jdkFactory);
    }

    @Override
    public void close() {
        if (lookups != null) {
            lookups.shutdownNow();
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("servers").type("string")
                .helpText("DNS servers to ask, comma-separated host[:port]; default the machine's resolvers.").add()
                .property().name("timeout").type("int").defaultValue(DEFAULT_TIMEOUT_MILLIS)
                .helpText("Milliseconds a server has for the first try; each further try waits twice as long.").add()
                .property().name("attempts").type("int").defaultValue(DEFAULT_ATTEMPTS)
                .helpText("Tries per server (Java 25's DNS client makes one more).").add()
                .property().name("deadline").type("int").defaultValue(DEFAULT_DEADLINE_MILLIS)
                .helpText("Milliseconds after which a lookup is given up, whatever the servers do.").add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>(TenancyVersion.operationalInfo());
        info.put("servers", servers.describe());
        info.put("timeoutMillis", Integer.toString(timeoutMillis));
        info.put("attempts", Integer.toString(attempts));
        info.put("deadlineMillis", Integer.toString(deadlineMillis));
        return info;
    }
}
