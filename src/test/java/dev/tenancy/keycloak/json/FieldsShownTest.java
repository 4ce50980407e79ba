package dev.tenancy.keycloak.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldsShownTest {

    @Test
    void aFieldNameInAMessageIsCutAndHasNoControlCharacters() {
        assertThat(Fields.shown("name")).isEqualTo("name");
        assertThat(Fields.shown("a\nb\u0000c")).isEqualTo("a?b?c");
        assertThat(Fields.shown("x".repeat(50_000))).isEqualTo("x".repeat(100) + "…");
    }

    @Test
    void anUnknownFieldOfAnyLengthIsNamedShortly() {
        String huge = "k".repeat(10_000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonBodies.read(
                        ("{\"" + huge + "\": 1}").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        JsonBodiesTest.Body.class))
                .hasMessage("Unknown field '" + "k".repeat(100) + "…'");
    }
}
