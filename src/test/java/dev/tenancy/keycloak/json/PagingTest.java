package dev.tenancy.keycloak.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.keycloak.error.TenancyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagingTest {

    @Test
    void absentParametersTakeDefaults() {
        assertThat(Paging.of(null, "")).isEqualTo(new Paging(0, Paging.DEFAULT_MAX));
    }

    @ParameterizedTest
    @CsvSource({"-1,10,'first'", "x,10,'first'", "0,0,'max'", "0,1001,'max'", "0,ten,'max'"})
    void badValuesAreA400NamingTheParameter(String first, String max, String named) {
        assertThatThrownBy(() -> Paging.of(first, max))
                .isInstanceOf(TenancyException.class)
                .hasMessageContaining(named);
    }
}
