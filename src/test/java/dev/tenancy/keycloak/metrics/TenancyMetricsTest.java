package dev.tenancy.keycloak.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransaction;
import org.keycloak.models.KeycloakTransactionManager;

class TenancyMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private TenancyMetrics metrics(boolean realmTag) {
        return new TenancyMetrics(new Meters(registry, realmTag));
    }

    private double count(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? -1 : counter.count();
    }

    @Test
    void withoutTheRealmTagEverySeriesExistsAtZeroBeforeItsFirstEvent() {
        metrics(false);

        assertThat(registry.find(Meters.VERIFICATIONS).counters()).hasSize(9)
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
        assertThat(registry.find(Meters.VERIFICATION_DURATION).timers()).hasSize(6);
        assertThat(registry.find(Meters.EXCHANGES).counters()).hasSize(ExchangeOutcome.values().length);
        assertThat(registry.find(Meters.INVITATIONS).counters()).hasSize(InvitationTransition.values().length);
        assertThat(registry.find(Meters.REVEALS).counters()).hasSize(12);
        assertThat(registry.find(Meters.REWRAP_CREDENTIALS).counters()).hasSize(3);
        assertThat(registry.find(Meters.REWRAP_RUNS_STARTED).counters()).hasSize(1);
        assertThat(registry.find(Meters.REWRAP_RUNS_FINISHED).counters()).hasSize(RewrapOutcome.values().length);
        assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTag(Meters.REALM)).isNull());
    }

    @Test
    void eachKeyPresentationCountsUnderItsPathAndAnswer() {
        TenancyMetrics metrics = metrics(false);

        metrics.apiKeyVerified(ApiKeyPath.INTROSPECTION, false, "acme-realm", 2_000_000);
        metrics.apiKeyVerified(ApiKeyPath.LEGACY_INTROSPECTION, true, "acme-realm", 3_000_000);
        metrics.apiKeyRateLimited(ApiKeyPath.EXCHANGE, "acme-realm");
        metrics.apiKeyExchange(null, ExchangeOutcome.RATE_LIMITED, "acme-realm");
        metrics.apiKeyExchange(null, ExchangeOutcome.REFUSED, "acme-realm");

        assertThat(count(Meters.VERIFICATIONS, "path", "introspection", "outcome", "inactive")).isEqualTo(1);
        assertThat(count(Meters.VERIFICATIONS, "path", "legacy_introspection", "outcome", "active")).isEqualTo(1);
        assertThat(count(Meters.VERIFICATIONS, "path", "exchange", "outcome", "rate_limited")).isEqualTo(1);
        assertThat(count(Meters.VERIFICATIONS, "path", "exchange", "outcome", "active")).isZero();
        assertThat(registry.find(Meters.VERIFICATION_DURATION).tags("path", "introspection", "outcome", "inactive")
                .timer().count()).isEqualTo(1);
        assertThat(registry.find(Meters.VERIFICATION_DURATION).tags("path", "exchange").timers())
                .allSatisfy(timer -> assertThat(timer.count()).isZero());
        assertThat(count(Meters.EXCHANGES, "outcome", "rate_limited")).isEqualTo(1);
        assertThat(count(Meters.EXCHANGES, "outcome", "refused")).isEqualTo(1);
    }

    @Test
    void aChangeCountsOnlyOnceItsTransactionCommitted() {
        TenancyMetrics metrics = metrics(false);
        Transaction committed = new Transaction(true);
        Transaction rolledBack = new Transaction(true);

        metrics.invitations(committed.session(), InvitationTransition.ACCEPTED, "r", 1);
        metrics.apiKeyExchange(committed.session(), ExchangeOutcome.ISSUED, "r");
        metrics.credentialReveal(committed.session(), RevealScope.TENANT, RevealOutcome.REVEALED, "r");
        metrics.invitations(rolledBack.session(), InvitationTransition.ACCEPTED, "r", 1);
        metrics.credentialReveal(rolledBack.session(), RevealScope.USER, RevealOutcome.REVEALED, "r");

        assertThat(count(Meters.INVITATIONS, "transition", "accepted")).isZero();
        assertThat(count(Meters.EXCHANGES, "outcome", "issued")).isZero();
        committed.commit();
        rolledBack.rollback();
        assertThat(count(Meters.INVITATIONS, "transition", "accepted")).isEqualTo(1);
        assertThat(count(Meters.EXCHANGES, "outcome", "issued")).isEqualTo(1);
        assertThat(count(Meters.REVEALS, "scope", "tenant", "outcome", "revealed")).isEqualTo(1);
        assertThat(count(Meters.REVEALS, "scope", "user", "outcome", "revealed")).isZero();
    }

    @Test
    void aFailedRevealCountsAtOnceForItsRequestRollsBack() {
        TenancyMetrics metrics = metrics(false);
        Transaction request = new Transaction(true);

        metrics.credentialReveal(request.session(), RevealScope.SYSTEM, RevealOutcome.UNREADABLE, "r");
        request.rollback();

        assertThat(count(Meters.REVEALS, "scope", "system", "outcome", "unreadable")).isEqualTo(1);
    }

    @Test
    void withoutATransactionAChangeCountsAtOnce() {
        TenancyMetrics metrics = metrics(false);

        metrics.invitations(new Transaction(false).session(), InvitationTransition.VOIDED, "r", 3);

        assertThat(count(Meters.INVITATIONS, "transition", "voided")).isEqualTo(3);
    }

    @Test
    void theRealmIsATagOnlyWhenAskedFor() {
        TenancyMetrics metrics = metrics(true);
        assertThat(registry.getMeters()).isEmpty();

        metrics.apiKeyRateLimited(ApiKeyPath.INTROSPECTION, "acme-realm");
        metrics.rewrapFinished(null, RewrapOutcome.FAILED);

        assertThat(count(Meters.VERIFICATIONS, "realm", "acme-realm", "path", "introspection",
                "outcome", "rate_limited")).isEqualTo(1);
        assertThat(count(Meters.REWRAP_RUNS_FINISHED, "realm", "", "outcome", "failed")).isEqualTo(1);
    }

    @Test
    void rewrapBatchesCountTheirCredentialsByOutcome() {
        TenancyMetrics metrics = metrics(false);

        metrics.rewrapStarted("r");
        metrics.rewrapBatch("r", 25, 0, 0);
        metrics.rewrapBatch("r", 7, 2, 1);
        metrics.rewrapFinished("r", RewrapOutcome.COMPLETED);

        assertThat(count(Meters.REWRAP_RUNS_STARTED)).isEqualTo(1);
        assertThat(count(Meters.REWRAP_CREDENTIALS, "outcome", "rewrapped")).isEqualTo(32);
        assertThat(count(Meters.REWRAP_CREDENTIALS, "outcome", "changed_meanwhile")).isEqualTo(2);
        assertThat(count(Meters.REWRAP_CREDENTIALS, "outcome", "unreadable")).isEqualTo(1);
        assertThat(count(Meters.REWRAP_RUNS_FINISHED, "outcome", "completed")).isEqualTo(1);
    }

    @Test
    void theBacklogGaugeReadsItsSourceAtEveryScrape() {
        TenancyMetrics metrics = metrics(false);
        AtomicLong pending = new AtomicLong(500);

        metrics.watchRewrapPending(pending::get);
        assertThat(registry.get(Meters.REWRAP_PENDING).gauge().value()).isEqualTo(500);
        pending.set(25);

        assertThat(registry.get(Meters.REWRAP_PENDING).gauge().value()).isEqualTo(25);
        assertThat(registry.get(Meters.REWRAP_PENDING).gauge().getId().getTags()).isEmpty();
    }

    @Test
    void withoutMetricsNothingIsCountedAndNoSessionIsAskedForATransaction() {
        TenancyMetrics none = TenancyMetrics.none();

        assertThat(none.enabled()).isFalse();
        assertThatCode(() -> {
            none.apiKeyVerified(ApiKeyPath.EXCHANGE, true, "r", 1);
            none.apiKeyExchange(null, ExchangeOutcome.ISSUED, "r");
            none.invitations(null, InvitationTransition.CREATED, "r", 1);
            none.credentialReveal(null, RevealScope.USER, RevealOutcome.REVEALED, "r");
            none.rewrapBatch("r", 1, 1, 1);
            none.watchRewrapPending(() -> 1);
        }).doesNotThrowAnyException();
    }

    @Test
    void aFailingRegistryNeverFailsTheCaller() {
        TenancyMetrics metrics = metrics(true);
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                throw new IllegalStateException("a broken meter filter");
            }
        });
        Transaction request = new Transaction(true);

        assertThatCode(() -> {
            metrics.apiKeyVerified(ApiKeyPath.EXCHANGE, true, "r", 1);
            metrics.apiKeyVerified(ApiKeyPath.EXCHANGE, false, "r", 1);
            metrics.invitations(request.session(), InvitationTransition.CREATED, "r", 1);
            request.commit();
        }).doesNotThrowAnyException();
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void theOnlyOptionalTagIsTheRealm() {
        assertThat(TenancyMetricsFactory.realmTag(null)).isFalse();
        assertThat(TenancyMetricsFactory.realmTag("")).isFalse();
        assertThat(TenancyMetricsFactory.realmTag(" realm ")).isTrue();
        assertThat(TenancyMetricsFactory.realmTag("realm,")).isTrue();
        assertThatThrownBy(() -> TenancyMetricsFactory.realmTag("realm,tenant"))
                .hasMessageContaining("unknown tag 'tenant'");
    }

    @Test
    void everyTagValueIsAnEnumConstantInLowerCase() {
        metrics(false);

        List<String> values = new ArrayList<>();
        registry.getMeters().forEach(meter -> meter.getId().getTags().stream().map(Tag::getValue).forEach(values::add));

        assertThat(values).isNotEmpty().allMatch(value -> value.matches("[a-z_]+"));
    }

    /** A session whose transaction manager keeps what is enlisted after completion, for the test to end. */
    private static final class Transaction {

        private final boolean active;
        private final List<KeycloakTransaction> afterCompletion = new ArrayList<>();

        Transaction(boolean active) {
            this.active = active;
        }

        KeycloakSession session() {
            KeycloakTransactionManager manager = (KeycloakTransactionManager) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {KeycloakTransactionManager.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "isActive" -> active;
                        case "enlistAfterCompletion" -> {
                            KeycloakTransaction transaction = (KeycloakTransaction) args[0];
                            transaction.begin();
                            afterCompletion.add(transaction);
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
            return (KeycloakSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {KeycloakSession.class}, (proxy, method, args) -> {
                        if (method.getName().equals("getTransactionManager")) {
                            return manager;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }

        void commit() {
            afterCompletion.forEach(KeycloakTransaction::commit);
        }

        void rollback() {
            afterCompletion.forEach(KeycloakTransaction::rollback);
        }
    }
}
