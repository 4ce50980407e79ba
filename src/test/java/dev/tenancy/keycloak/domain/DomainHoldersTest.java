package dev.tenancy.keycloak.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainHoldersTest {

    @Test
    void aNameIsCoveredByItselfAndTheWildcardsOfItsParentsButNotOfItsTopLevelDomain() {
        assertThat(DomainHolders.coveringNames(new DomainName("eu.acme.com")))
                .containsExactly("eu.acme.com", "*.eu.acme.com", "*.acme.com");
        assertThat(DomainHolders.coveringNames(new DomainName("acme.com"))).containsExactly("acme.com", "*.acme.com");
    }
}
