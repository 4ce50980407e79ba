package dev.tenancy.keycloak.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsolePageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "acme|acme",
            "a\"b|a&quot;b",
            "<script>|&lt;script&gt;",
            "x' onload='y|x&#39; onload=&#39;y",
            "R&D|R&amp;D"})
    void aRealmNameCannotLeaveItsAttribute(String name, String escaped) {
        assertThat(ConsolePage.attribute(name)).isEqualTo(escaped);
    }

    @Test
    void thePageGetsTheRealmAndWhereKeycloakServesPatternFly() {
        String page = ConsolePage.render(
                "<html data-realm=\"{{realm}}\" data-base=\"{{base}}\"><link href=\"{{resourcesCommon}}/x.css\">",
                "a\"b", "/auth", "/auth/resources/abc/common/keycloak");

        assertThat(page).isEqualTo("<html data-realm=\"a&quot;b\" data-base=\"/auth\">"
                + "<link href=\"/auth/resources/abc/common/keycloak/x.css\">");
    }
}
