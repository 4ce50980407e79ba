package dev.tenancy.keycloak.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListedTenantsTest {

    /** t00 … t09, in alias order as the mapper gets them. */
    private static final List<String> TEN = IntStream.range(0, 10).mapToObj(i -> String.format("t%02d", i)).toList();

    @ParameterizedTest
    @CsvSource({
        // limit, active, listed, truncated
        "10, ,    't00 t01 t02 t03 t04 t05 t06 t07 t08 t09', false",
        "50, t07, 't00 t01 t02 t03 t04 t05 t06 t07 t08 t09', false",
        "3,  ,    't00 t01 t02', true",
        "3,  t01, 't00 t01 t02', true",
        "3,  t02, 't00 t01 t02', true",
        "3,  t07, 't00 t01 t07', true",
        "3,  t09, 't00 t01 t09', true",
        "1,  t05, 't05', true",
        "1,  ,    't00', true",
        "3,  x99, 't00 t01 t02', true",
    })
    void theFirstByAliasAreListedWithTheActiveTenantAlwaysAmongThem(int limit, String active, String listed,
            boolean truncated) {
        ListedTenants<String> result = ListedTenants.of(TEN, limit, tenant -> tenant.equals(active));

        assertThat(result.listed()).containsExactly(listed.split(" "));
        assertThat(result.total()).isEqualTo(10);
        assertThat(result.truncated()).isEqualTo(truncated);
        assertThat(result.listed()).hasSizeLessThanOrEqualTo(limit);
    }

    @ParameterizedTest
    @CsvSource({"1", "50"})
    void noTenantsListNothingAndCutNothing(int limit) {
        ListedTenants<String> result = ListedTenants.of(List.of(), limit, tenant -> true);

        assertThat(result.listed()).isEmpty();
        assertThat(result.truncated()).isFalse();
    }
}
