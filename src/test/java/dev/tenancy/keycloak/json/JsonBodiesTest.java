package dev.tenancy.keycloak.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.keycloak.error.TenancyException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonBodiesTest {

    enum Level {
        LOW, HIGH;

        @com.fasterxml.jackson.annotation.JsonValue
        String label() {
            return name().toLowerCase();
        }
    }

    record Inner(String at) {
    }

    record Body(String name, Boolean enabled, Long count, List<String> roles, Inner inner, Map<String, Level> levels)
            implements JsonBodies.Validated<Body> {

        @Override
        public Body validated() {
            return new Body(Fields.requiredText("name", name, 10), enabled, count,
                    Fields.textList("roles", roles, Fields.NAME, 5), inner, levels);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|Request body is missing",
        "'  '|Request body is missing",
        "[1]|'body' must be a JSON object",
        "null|'body' must be a JSON object",
        "\"text\"|'body' must be a JSON object",
        "{\"name\": |Request body is not valid JSON (line 1, column",
        "{\"name\": \"a\"} {}|Request body is not valid JSON",
        "{\"name\": \"a\", \"name\": \"b\"}|Request body is not valid JSON",
        "{\"name\": 5}|Field 'name' must be a string",
        "{\"name\": true}|Field 'name' must be a string",
        "{\"name\": {}}|Field 'name' must be a string",
        "{\"name\": \"   \"}|Field 'name' must not be blank",
        "{\"other\": 1}|Unknown field 'other'",
        "{}|Field 'name' is required",
        "{\"name\": null}|Field 'name' is required",
        "{\"name\": \"abcdefghijk\"}|longer than 10",
        "{\"name\": \"a\", \"enabled\": \"yes\"}|Field 'enabled' must be true or false",
        "{\"name\": \"a\", \"enabled\": 1}|Field 'enabled' must be true or false",
        "{\"name\": \"a\", \"count\": \"5\"}|Field 'count' must be a whole number",
        "{\"name\": \"a\", \"count\": 5.5}|Field 'count' must be a whole number",
        "{\"name\": \"a\", \"count\": true}|Field 'count' must be a whole number",
        "{\"name\": \"a\", \"roles\": \"admin\"}|Field 'roles' must be an array of strings",
        "{\"name\": \"a\", \"roles\": [1]}|Field 'roles' has an invalid entry",
        "{\"name\": \"a\", \"roles\": [\"Bad Role\"]}|Field 'roles' has an invalid entry \"Bad Role\"",
        "{\"name\": \"a\", \"inner\": []}|'inner' must be a JSON object",
        "{\"name\": \"a\", \"inner\": {\"when\": 1}}|Unknown field 'inner.when'",
        "{\"name\": \"a\", \"inner\": {\"at\": 1}}|Field 'inner.at' must be a string",
        "{\"name\": \"a\", \"levels\": {\"x\": \"middle\"}}|'levels.x' must be one of low, high",
        "{\"name\": \"a\", \"levels\": {\"x\": 1}}|'levels.x' must be one of low, high",
    })
    void everyFailureIsA400NamingTheField(String body, String message) {
        assertThatThrownBy(() -> JsonBodies.read(bytes(body), Body.class))
                .isInstanceOf(TenancyException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((TenancyException) e).kind()).isEqualTo(TenancyException.Kind.INVALID));
    }

    @Test
    void aValidBodyIsBoundAndItsTextStripped() {
        Body body = JsonBodies.read(bytes("{\"name\": \" acme \", \"enabled\": false, \"count\": 7, \"roles\": [\"admin\"],"
                + " \"inner\": {\"at\": \"x\"}, \"levels\": {\"x\": \"high\"}}"), Body.class);

        assertThat(body).isEqualTo(new Body("acme", false, 7L, List.of("admin"), new Inner("x"), Map.of("x", Level.HIGH)));
    }

    @Test
    void invalidUtf8IsRefusedNeverReplaced() {
        byte[] invalid = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, '(', (byte) 0xFF, '"', '}'};
        byte[] overlong = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        byte[] surrogate = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};

        for (byte[] body : List.of(invalid, overlong, surrogate)) {
            assertThatThrownBy(() -> JsonBodies.read(body, Body.class))
                    .isInstanceOf(TenancyException.class)
                    .hasMessageContaining("Request body is not valid UTF-8 (byte 10)");
        }
        assertThat(JsonBodies.read(bytes("{\"name\": \"Zürich\"}"), Body.class).name()).isEqualTo("Zürich");
    }

    @Test
    void anOptionalBodyMayBeLeftOut() {
        assertThat(JsonBodies.readOptional(new byte[0], Body.class)).isEmpty();
        assertThat(JsonBodies.readOptional(null, Body.class)).isEmpty();
        assertThat(JsonBodies.readOptional(bytes(" \n"), Body.class)).isEmpty();
        assertThatThrownBy(() -> JsonBodies.readOptional(bytes("{\"x\": 1}"), Body.class))
                .hasMessageContaining("Unknown field 'x'");
    }

    @Test
    void nestedPartsAreNamedByTheirPath() {
        assertThatThrownBy(() -> JsonBodies.convert(JsonBodies.tree(Map.of("when", 1)), "value", Inner.class))
                .hasMessageContaining("Unknown field 'value.when'");
        assertThatThrownBy(() -> JsonBodies.convert(JsonBodies.tree(List.of()), "value", Inner.class))
                .hasMessageContaining("'value' must be a JSON object");
    }

    @Test
    void instantsAreIso8601() {
        assertThat(Fields.instant("at", "2030-01-31T12:00:00Z")).contains(Instant.parse("2030-01-31T12:00:00Z"));
        assertThat(Fields.instant("at", null)).isEmpty();
        assertThatThrownBy(() -> Fields.instant("value.at", "soon"))
                .hasMessageContaining("'value.at' must be an ISO-8601 instant");
    }
}
