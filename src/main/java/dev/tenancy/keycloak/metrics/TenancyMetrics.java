package dev.tenancy.keycloak.metrics;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.Provider;

/**
 * What the features count, in Keycloak's Micrometer registry (served at {@code /metrics} on the management port
 * when Keycloak runs with {@code --metrics-enabled=true}); docs/operations.md lists the meters. A change of state
 * (an invitation accepted, a token issued, a value revealed) is counted once the session's transaction has
 * committed, so a rolled-back request counts nothing; a refusal is counted at once, as its request rolls back.
 * Without metrics every method returns at its first line. Counting never fails a request: a failure is logged
 * once and swallowed. One instance per node, held by {@link TenancyMetricsFactory}.
 */
public final class TenancyMetrics implements Provider {

    static final TenancyMetrics DISABLED = new TenancyMetrics(null);

    private static final Logger LOG = Logger.getLogger(TenancyMetrics.class);
    private static final AtomicBoolean FAILURE_LOGGED = new AtomicBoolean();

    private final Meters meters;

    TenancyMetrics(Meters meters) {
        this.meters = meters;
    }

    /** This node's metrics, for code that runs in a request or job. */
    public static TenancyMetrics of(KeycloakSession session) {
        try {
            TenancyMetrics metrics = session.getProvider(TenancyMetrics.class);
            return metrics == null ? DISABLED : metrics;
        } catch (RuntimeException e) {
            failed(e);
            return DISABLED;
        }
    }

    /** This node's metrics, for code without a session (background runs). */
    public static TenancyMetrics of(KeycloakSessionFactory factory) {
        try {
            return factory.getProviderFactory(TenancyMetrics.class) instanceof TenancyMetricsFactory own
                    ? own.metrics() : DISABLED;
        } catch (RuntimeException e) {
            failed(e);
            return DISABLED;
        }
    }

    /** Counts nothing: for code that runs where no meters are wanted, and its tests. */
    public static TenancyMetrics none() {
        return DISABLED;
    }

    /** Whether Keycloak runs with metrics: work done only for a meter (a count query) can be skipped otherwise. */
    public boolean enabled() {
        return meters != null;
    }

    /** A key was read and found working or not, after {@code nanos} of lookups. */
    public void apiKeyVerified(ApiKeyPath path, boolean active, String realm, long nanos) {
        if (meters != null) {
            String outcome = active ? Meters.ACTIVE : Meters.INACTIVE;
            count(meters -> {
                meters.verification(path, outcome, realm);
                meters.verificationTime(path, outcome, realm, nanos);
            });
        }
    }

    /** A key presentation answered 429 without reading the key. */
    public void apiKeyRateLimited(ApiKeyPath path, String realm) {
        if (meters != null) {
            count(meters -> meters.verification(path, Meters.RATE_LIMITED, realm));
        }
    }

    /** {@link ExchangeOutcome#ISSUED} counts once the session's transaction committed; the others at once. */
    public void apiKeyExchange(KeycloakSession session, ExchangeOutcome outcome, String realm) {
        if (meters != null) {
            Consumer<Meters> exchange = meters -> meters.exchange(outcome, realm);
            if (outcome == ExchangeOutcome.ISSUED) {
                countOnCommit(session, exchange);
            } else {
                count(exchange);
            }
        }
    }

    /** {@code count} invitations made this transition; counted once the session's transaction committed. */
    public void invitations(KeycloakSession session, InvitationTransition transition, String realm, int count) {
        if (meters != null && count > 0) {
            countOnCommit(session, meters -> meters.invitations(transition, realm, count));
        }
    }

    /** {@link RevealOutcome#REVEALED} counts once the session's transaction committed; a failure at once. */
    public void credentialReveal(KeycloakSession session, RevealScope scope, RevealOutcome outcome, String realm) {
        if (meters != null) {
            Consumer<Meters> reveal = meters -> meters.reveal(scope, outcome, realm);
            if (outcome == RevealOutcome.REVEALED) {
                countOnCommit(session, reveal);
            } else {
                count(reveal);
            }
        }
    }

    public void rewrapStarted(String realm) {
        if (meters != null) {
            count(meters -> meters.rewrapStarted(realm));
        }
    }

    /** One committed batch of a rewrap run. */
    public void rewrapBatch(String realm, long rewrapped, long changedMeanwhile, long unreadable) {
        if (meters != null) {
            count(meters -> {
                meters.rewrapCredentials(Meters.REWRAPPED, realm, rewrapped);
                meters.rewrapCredentials(Meters.CHANGED_MEANWHILE, realm, changedMeanwhile);
                meters.rewrapCredentials(Meters.UNREADABLE, realm, unreadable);
            });
        }
    }

    public void rewrapFinished(String realm, RewrapOutcome outcome) {
        if (meters != null) {
            count(meters -> meters.rewrapFinished(outcome, realm));
        }
    }

    /** Publishes {@code pending} (read at every scrape, so it must be cheap) as the rewrap backlog gauge. */
    public void watchRewrapPending(Supplier<Number> pending) {
        if (meters != null) {
            count(meters -> meters.rewrapPending(pending));
        }
    }

    private void count(Consumer<Meters> count) {
        try {
            count.accept(meters);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void countOnCommit(KeycloakSession session, Consumer<Meters> count) {
        try {
            AfterCommit.run(session, () -> count(count));
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private static void failed(RuntimeException e) {
        if (FAILURE_LOGGED.compareAndSet(false, true)) {
            LOG.warn("Could not count a tenancy metric; the request goes on, and further failures are logged at"
                    + " debug level only", e);
        } else {
            LOG.debug("Could not count a tenancy metric", e);
        }
    }

    /** Node-wide, so nothing to close with a session. */
    @Override
    public void close() {
    }
}
