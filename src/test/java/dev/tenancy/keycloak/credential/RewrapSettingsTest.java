package dev.tenancy.keycloak.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RewrapSettingsTest {

    @Test
    void batchSizeAndPauseStayWithinTheirLimits() {
        assertThat(RewrapSettings.of(1, 0)).isEqualTo(new RewrapSettings(1, 0));
        assertThat(RewrapSettings.of(10_000, 60_000)).isEqualTo(new RewrapSettings(10_000, 60_000));
        assertThatThrownBy(() -> RewrapSettings.of(0, 0)).hasMessageContaining("rewrap-batch-size");
        assertThatThrownBy(() -> RewrapSettings.of(10, -1)).hasMessageContaining("rewrap-pause-millis");
    }
}
