package dev.tenancy.keycloak.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The extension's meters in one registry: their names, descriptions and tags. Every tag value comes from an
 * enum of this package, or is the realm's name when the operator asked for the {@code realm} tag; never a
 * tenant, user, key or credential. Without the realm tag every series is registered at start, at zero, so that
 * {@code rate()} and {@code increase()} see the first event too.
 */
final class Meters {

    static final String VERIFICATIONS = "tenancy.api_key.verifications";
    static final String VERIFICATION_DURATION = "tenancy.api_key.verification.duration";
    static final String EXCHANGES = "tenancy.api_key.exchanges";
    static final String INVITATIONS = "tenancy.invitations";
    static final String REVEALS = "tenancy.credential.reveals";
    static final String REWRAP_CREDENTIALS = "tenancy.credential.rewrap.credentials";
    static final String REWRAP_RUNS_STARTED = "tenancy.credential.rewrap.runs.started";
    static final String REWRAP_RUNS_FINISHED = "tenancy.credential.rewrap.runs.finished";
    static final String REWRAP_PENDING = "tenancy.credential.rewrap.pending";

    static final String REALM = "realm";
    static final String PATH = "path";
    static final String OUTCOME = "outcome";
    static final String TRANSITION = "transition";
    static final String SCOPE = "scope";

    static final String ACTIVE = "active";
    static final String INACTIVE = "inactive";
    static final String RATE_LIMITED = "rate_limited";
    static final String REWRAPPED = "rewrapped";
    static final String CHANGED_MEANWHILE = "changed_meanwhile";
    static final String UNREADABLE = "unreadable";

    private final MeterRegistry registry;
    private final boolean realmTag;
    private final Meter.MeterProvider<Counter> verifications;
    private final Meter.MeterProvider<Timer> verificationDuration;
    private final Meter.MeterProvider<Counter> exchanges;
    private final Meter.MeterProvider<Counter> invitations;
    private final Meter.MeterProvider<Counter> reveals;
    private final Meter.MeterProvider<Counter> rewrapCredentials;
    private final Meter.MeterProvider<Counter> rewrapRunsStarted;
    private final Meter.MeterProvider<Counter> rewrapRunsFinished;

    Meters(MeterRegistry registry, boolean realmTag) {
        this.registry = registry;
        this.realmTag = realmTag;
        verifications = Counter.builder(VERIFICATIONS)
                .description("API key presentations checked, by where the key was presented and the answer")
                .withRegistry(registry);
        verificationDuration = Timer.builder(VERIFICATION_DURATION)
                .description("Time to decide whether a presented API key works (database lookups included)")
                .withRegistry(registry);
        exchanges = Counter.builder(EXCHANGES)
                .description("API key to access token exchanges, by outcome")
                .withRegistry(registry);
        invitations = Counter.builder(INVITATIONS)
                .description("Invitation status changes, counted once committed")
                .withRegistry(registry);
        reveals = Counter.builder(REVEALS)
                .description("Credential reveals, by the owner's scope and outcome")
                .withRegistry(registry);
        rewrapCredentials = Counter.builder(REWRAP_CREDENTIALS)
                .description("Credentials handled by KEK rewrap runs on this node, by outcome")
                .withRegistry(registry);
        rewrapRunsStarted = Counter.builder(REWRAP_RUNS_STARTED)
                .description("KEK rewrap runs started on this node")
                .withRegistry(registry);
        rewrapRunsFinished = Counter.builder(REWRAP_RUNS_FINISHED)
                .description("KEK rewrap runs of this node that ended, by outcome")
                .withRegistry(registry);
        if (!realmTag) {
            registerAll();
        }
    }

    void verification(ApiKeyPath path, String outcome, String realm) {
        verifications.withTags(tags(realm, PATH, tag(path), OUTCOME, outcome)).increment();
    }

    void verificationTime(ApiKeyPath path, String outcome, String realm, long nanos) {
        verificationDuration.withTags(tags(realm, PATH, tag(path), OUTCOME, outcome))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void exchange(ExchangeOutcome outcome, String realm) {
        exchanges.withTags(tags(realm, OUTCOME, tag(outcome))).increment();
    }

    void invitations(InvitationTransition transition, String realm, int count) {
        invitations.withTags(tags(realm, TRANSITION, tag(transition))).increment(count);
    }

    void reveal(RevealScope scope, RevealOutcome outcome, String realm) {
        reveals.withTags(tags(realm, SCOPE, tag(scope), OUTCOME, tag(outcome))).increment();
    }

    void rewrapCredentials(String outcome, String realm, long count) {
        if (count > 0) {
            rewrapCredentials.withTags(tags(realm, OUTCOME, outcome)).increment(count);
        }
    }

    void rewrapStarted(String realm) {
        rewrapRunsStarted.withTags(tags(realm)).increment();
    }

    void rewrapFinished(RewrapOutcome outcome, String realm) {
        rewrapRunsFinished.withTags(tags(realm, OUTCOME, tag(outcome))).increment();
    }

    /** A node-wide gauge, without the realm tag; {@code pending} is read at every scrape and must be cheap. */
    void rewrapPending(Supplier<Number> pending) {
        Gauge.builder(REWRAP_PENDING, pending)
                .description("Credentials the KEK rewrap runs going on at this node have still to handle")
                .strongReference(true)
                .register(registry);
    }

    static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private Tags tags(String realm, String... keyValues) {
        Tags tags = Tags.of(keyValues);
        return realmTag ? tags.and(REALM, realm == null ? "" : realm) : tags;
    }

    private void registerAll() {
        for (ApiKeyPath path : ApiKeyPath.values()) {
            for (String outcome : new String[] {ACTIVE, INACTIVE, RATE_LIMITED}) {
                verifications.withTags(tags(null, PATH, tag(path), OUTCOME, outcome));
            }
            for (String outcome : new String[] {ACTIVE, INACTIVE}) {
                verificationDuration.withTags(tags(null, PATH, tag(path), OUTCOME, outcome));
            }
        }
        for (ExchangeOutcome outcome : ExchangeOutcome.values()) {
            exchanges.withTags(tags(null, OUTCOME, tag(outcome)));
        }
        for (InvitationTransition transition : InvitationTransition.values()) {
            invitations.withTags(tags(null, TRANSITION, tag(transition)));
        }
        for (RevealScope scope : RevealScope.values()) {
            for (RevealOutcome outcome : RevealOutcome.values()) {
                reveals.withTags(tags(null, SCOPE, tag(scope), OUTCOME, tag(outcome)));
            }
        }
        for (String outcome : new String[] {REWRAPPED, CHANGED_MEANWHILE, UNREADABLE}) {
            rewrapCredentials.withTags(tags(null, OUTCOME, outcome));
        }
        rewrapRunsStarted.withTags(tags(null));
        for (RewrapOutcome outcome : RewrapOutcome.values()) {
            rewrapRunsFinished.withTags(tags(null, OUTCOME, tag(outcome)));
        }
    }
}
