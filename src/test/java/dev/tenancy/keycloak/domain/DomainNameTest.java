package dev.tenancy.keycloak.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.keycloak.error.TenancyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNameTest {

    @ParameterizedTest
    @CsvSource({
        "acme.com, acme.com",
        "ACME.Com, acme.com",
        "' eu.acme.com. ', eu.acme.com",
        "bücher.example, xn--bcher-kva.example",
        "a-b.c0.io, a-b.c0.io",
    })
    void normalisesToLowerCaseAscii(String text, String expected) {
        assertThat(DomainName.parse(text).value()).isEqualTo(expected);
        assertThat(DomainName.parse(text).challengeRecord()).isEqualTo("_tenancy-challenge." + expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "localhost", "*.acme.com", "acme..com", "-acme.com", "acme-.com", "acme.com/x",
        "acme com", "10.0.0.1", "under_score.com"})
    void refusesWhatIsNotOneDomain(String text) {
        assertThatThrownBy(() -> DomainName.parse(text))
                .isInstanceOfSatisfying(TenancyException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TenancyException.Kind.INVALID);
                    assertThat(e.getMessage()).contains("'domain'");
                });
    }

    @Test
    void refusesALabelOverSixtyThreeCharactersAndANameOverTwoHundredFiftyThree() {
        assertThatThrownBy(() -> DomainName.parse("a".repeat(64) + ".com")).isInstanceOf(TenancyException.class);
        String longName = ("a".repeat(60) + ".").repeat(5) + "com";
        assertThat(longName.length()).isGreaterThan(253);
        assertThatThrownBy(() -> DomainName.parse(longName)).isInstanceOf(TenancyException.class);
        assertThat(DomainName.parse(("a".repeat(60) + ".").repeat(3) + "com").value()).hasSize(186);
    }
}
