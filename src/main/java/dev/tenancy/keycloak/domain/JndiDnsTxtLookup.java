package dev.tenancy.keycloak.domain;

import dev.tenancy.keycloak.error.TenancyException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.spi.InitialContextFactory;

/**
 * TXT lookups through the JDK's DNS provider, each on a thread of its own with a hard deadline. The provider's
 * factory is taken from the {@code jdk.naming.dns} module directly (once, at start), not through {@code InitialContext}: that one
 * consults a process-wide context factory builder which an application server (Quarkus, under Keycloak) may
 * replace or disable.
 */
final class JndiDnsTxtLookup implements DnsTxtLookup {

    private static final String DNS_FACTORY = "com.sun.jndi.dns.DnsContextFactory";
    private static final long BUSY_RETRY_SECONDS = 5;

    private final DnsServers servers;
    private final int timeoutMillis;
    private final int attempts;
    private final int deadlineMillis;
    private final Semaphore slots;
    private final ExecutorService lookups;
    private final Optional<InitialContextFactory> factory;

    JndiDnsTxtLookup(DnsServers servers, int timeoutMillis, int attempts, int deadlineMillis, Semaphore slots,
            ExecutorService lookups, Optional<InitialContextFactory> factory) {
        this.servers = servers;
        this.timeoutMillis = timeoutMillis;
        this.attempts = attempts;
        this.deadlineMillis = deadlineMillis;
        this.slots = slots;
        this.lookups = lookups;
        this.factory = factory;
    }

    @Override
    public TxtAnswer txt(String name) {
        if (!slots.tryAcquire()) {
            throw TenancyException.rateLimited("Too many DNS lookups are running on this server; try again in a few "
                    + "seconds", BUSY_RETRY_SECONDS);
        }
        Future<TxtAnswer> answer;
        try {
            answer = lookups.submit(() -> {
                try {
                    return query(name);
                } finally {
                    slots.release();
                }
            });
        } catch (RejectedExecutionException e) {
            slots.release();
            throw TenancyException.rateLimited("Too many DNS lookups are running on this server; try again in a few "
                    + "seconds", BUSY_RETRY_SECONDS);
        }
        try {
            return answer.get(deadlineMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new DnsLookupException("The DNS lookup of " + name + " got no answer within " + deadlineMillis
                    + " ms (asked " + servers.describe() + ")");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DnsLookupException failed) {
                throw failed;
            }
            throw new DnsLookupException("The DNS lookup of " + name + " failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DnsLookupException("The DNS lookup of " + name + " was interrupted");
        }
    }

    private TxtAnswer query(String name) {
        DirContext dns = open();
        try {
            Attribute txt = dns.getAttributes(name, new String[] {"TXT"}).get("TXT");
            List<String> values = new ArrayList<>();
            if (txt != null) {
                NamingEnumeration<?> all = txt.getAll();
                while (all.hasMore()) {
                    values.add(String.valueOf(all.next()));
                }
            }
            return new TxtAnswer(true, values);
        } catch (NameNotFoundException e) {
            return TxtAnswer.noSuchName();
        } catch (NamingException e) {
            throw new DnsLookupException("The DNS lookup of " + name + " did not complete (asked "
                    + servers.describe() + "): " + reason(e));
        } finally {
            try {
                dns.close();
            } catch (NamingException ignored) {
                // Nothing was held open beyond the query.
            }
        }
    }

    private DirContext open() {
        Hashtable<String, Object> environment = new Hashtable<>();
        environment.put(Context.PROVIDER_URL, servers.providerUrl());
        environment.put("com.sun.jndi.dns.timeout.initial", Integer.toString(timeoutMillis));
        environment.put("com.sun.jndi.dns.timeout.retries", Integer.toString(attempts));
        try {
            return (DirContext) factory.orElseThrow(() -> new DnsLookupException("The Java runtime has no DNS client "
                    + "(module jdk.naming.dns): the domain proof needs a full JDK or a runtime image with that module"))
                    .getInitialContext(environment);
        } catch (NamingException e) {
            throw new DnsLookupException("The DNS client could not be set up: " + reason(e));
        }
    }

    /**
     * The JDK's DNS context factory, found once at start; empty when the runtime lacks {@code jdk.naming.dns}
     * (then every lookup says so).
     */
    static Optional<InitialContextFactory> jdkFactory() {
        return ServiceLoader.load(ModuleLayer.boot(), InitialContextFactory.class).stream()
                .filter(provider -> provider.type().getName().equals(DNS_FACTORY))
                .findFirst()
                .map(ServiceLoader.Provider::get);
    }

    private static String reason(NamingException e) {
        String message = e.getExplanation() != null ? e.getExplanation() : e.getClass().getSimpleName();
        Throwable cause = e.getRootCause();
        return cause == null || cause.getMessage() == null ? message : message + " (" + cause.getMessage() + ")";
    }
}
