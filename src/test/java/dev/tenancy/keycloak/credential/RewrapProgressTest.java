package dev.tenancy.keycloak.credential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenancy.keycloak.metrics.TenancyMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class RewrapProgressTest {

    @Test
    void aRunsBacklogShrinksWithEveryHandledRowAndIsGoneOnceItEnds() {
        RewrapProgress progress = new RewrapProgress(2, "r", 60, TenancyMetrics.none());
        assertThat(progress.pending()).isEqualTo(60);

        progress.batch(25, 3, 0, 0);
        progress.batch(20, 0, 4, 1);

        assertThat(progress.pending()).isEqualTo(10);
        progress.finish(RewrapProgress.State.FAILED, "stopped");
        assertThat(progress.pending()).isZero();
    }

    @Test
    void aRunWhoseWorkWasNotCountedAddsNothingToTheBacklog() {
        assertThat(new RewrapProgress(2, "r", RewrapProgress.UNCOUNTED, TenancyMetrics.none()).pending()).isZero();
    }

    @Test
    void theNodesBacklogIsTheSumOfItsRunningRuns() {
        RewrapProgress one = new RewrapProgress(2, "a", 30, TenancyMetrics.none());
        RewrapProgress other = new RewrapProgress(2, "b", 12, TenancyMetrics.none());
        other.batch(12, 0, 0, 0);
        other.finish(RewrapProgress.State.COMPLETED, null);

        assertThat(RewrapProgress.pending(List.of(one, other))).isEqualTo(30);
    }
}
