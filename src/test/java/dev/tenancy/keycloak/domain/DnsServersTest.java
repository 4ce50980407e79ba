package dev.tenancy.keycloak.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DnsServersTest {

    @Test
    void noServersMeansTheMachinesResolvers() {
        assertThat(DnsServers.parse(null).providerUrl()).isEqualTo("dns:");
        assertThat(DnsServers.parse(" ").describe()).isEqualTo("the machine's DNS resolvers");
    }

    @Test
    void serversBecomeTheJdkProvidersUrlList() {
        assertThat(DnsServers.parse("10.0.0.2, 127.0.0.1:15353,[::1]:53,dns.internal").providerUrl())
                .isEqualTo("dns://10.0.0.2:53 dns://127.0.0.1:15353 dns://[::1]:53 dns://dns.internal:53");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.2:0", "10.0.0.2:70000", "dns://10.0.0.2", "10.0.0.2,,", "a b"})
    void aBadServerIsRefusedByName(String option) {
        assertThatThrownBy(() -> DnsServers.parse(option)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'");
    }
}
