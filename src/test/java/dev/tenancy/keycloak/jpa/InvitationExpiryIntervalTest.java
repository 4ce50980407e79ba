package dev.tenancy.keycloak.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvitationExpiryIntervalTest {

    @Test
    void anIntervalFromOneSecondToOneDayIsTaken() {
        assertThat(TenancyJpaEntityProviderFactory.expiryInterval(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(TenancyJpaEntityProviderFactory.expiryInterval(86_400)).isEqualTo(Duration.ofDays(1));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 86_401})
    void anyOtherIntervalStopsTheStartNamingTheOption(long seconds) {
        assertThatThrownBy(() -> TenancyJpaEntityProviderFactory.expiryInterval(seconds))
                .hasMessageContaining("invitation-expiry-interval-seconds").hasMessageContaining(Long.toString(seconds));
    }
}
