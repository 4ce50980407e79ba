package dev.tenancy.keycloak.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DomainChallengeTest {

    private static final DomainName ACME = new DomainName("acme.com");

    @Test
    void aChallengeIsThirtyTwoBase32CharactersAndNeverRepeats() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            DomainChallenge challenge = DomainChallenge.issue(ACME);
            assertThat(challenge.value()).matches("[a-z2-7]{32}");
            assertThat(challenge.recordName()).isEqualTo("_tenancy-challenge.acme.com");
            assertThat(seen.add(challenge.value())).isTrue();
        }
    }

    @Test
    void theChallengeIsFoundAmongOtherTxtStringsQuotedOrNot() {
        DomainChallenge challenge = DomainChallenge.issue(ACME);
        assertThat(challenge.isIn(List.of("v=spf1 -all", challenge.value()))).isTrue();
        assertThat(challenge.isIn(List.of("\"" + challenge.value() + "\""))).isTrue();
        assertThat(challenge.isIn(List.of("v=spf1 -all", challenge.value().substring(1)))).isFalse();
        assertThat(challenge.isIn(List.of(challenge.value() + " extra"))).isFalse();
        assertThat(challenge.isIn(List.of())).isFalse();
    }

    @Test
    void aStoredValueThatIsNotAChallengeReadsAsAbsent() {
        assertThat(DomainChallenge.stored(ACME, "not a challenge")).isEmpty();
        assertThat(DomainChallenge.stored(ACME, null)).isEmpty();
        String value = DomainChallenge.issue(ACME).value();
        assertThat(DomainChallenge.stored(ACME, value)).get().extracting(DomainChallenge::value).isEqualTo(value);
    }
}
