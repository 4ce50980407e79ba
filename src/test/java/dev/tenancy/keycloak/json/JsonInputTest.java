package dev.tenancy.keycloak.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenancy.keycloak.error.TenancyException;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JsonInputTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|Request body is missing",
        "[1]|must be a JSON object",
        "{\"name\": |not valid JSON",
        "{\"name\": 5}|'name' must be a string",
        "{\"name\": \"   \"}|'name' must not be blank",
        "{\"other\": 1}|'name' is required",
    })
    void requiredTextFailuresNameTheProblem(String body, String message) {
        assertThatThrownBy(() -> JsonInput.parseObject(body).requiredText("name", 10))
                .isInstanceOf(TenancyException.class)
                .hasMessageContaining(message);
    }

    @Test
    void overLongTextIsRejected() {
        assertThatThrownBy(() -> JsonInput.parseObject("{\"name\": \"abcdefghijk\"}").requiredText("name", 10))
                .hasMessageContaining("longer than 10");
    }

    @Test
    void instantsAreIso8601AndNamedByTheirPath() {
        assertThat(JsonInput.parseObject("{\"at\": \"2030-01-31T12:00:00Z\"}").optionalInstant("at"))
                .contains(Instant.parse("2030-01-31T12:00:00Z"));
        assertThat(JsonInput.parseObject("{}").optionalInstant("at")).isEmpty();
        JsonInput nested = JsonInput.of(JsonInput.parseObject("{\"value\": {\"at\": \"soon\"}}").raw("value"), "value");
        assertThatThrownBy(() -> nested.optionalInstant("at"))
                .hasMessageContaining("'value.at' must be an ISO-8601 instant");
    }

    @Test
    void textIsStripped() {
        assertThat(JsonInput.parseObject("{\"name\": \" acme \"}").requiredText("name", 10)).isEqualTo("acme");
    }

    @Test
    void listEntriesMustMatchThePattern() {
        JsonInput input = JsonInput.parseObject("{\"roles\": [\"admin\", \"Bad Role\"]}");

        assertThatThrownBy(() -> input.requiredTextList("roles", JsonInput.NAME, 5))
                .hasMessageContaining("'roles' has an invalid entry \"Bad Role\"");
    }

    @Test
    void unknownFieldsAreNamed() {
        assertThatThrownBy(() -> JsonInput.parseObject("{\"roles\": [], \"rolez\": []}").allowOnly(Set.of("roles")))
                .hasMessageContaining("Unknown field 'rolez'");
    }
}
