package dev.tenancy.keycloak.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.error.TenancyException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityRowsTest {

    enum Kind { SECRET, PASSWORD }

    @Entity(name = "TestRow")
    static class Row {
        @Id
        @Column(name = "ID", length = 36, nullable = false)
        private String id;
        @Column(name = "NAME", length = 8, nullable = false)
        private String name;
        @Column(name = "CIPHERTEXT", nullable = false)
        private String ciphertext;
        @Column(name = "EXPIRES_AT")
        private Long expiresAt;
        @Column(name = "CREATED_AT", nullable = false)
        private long createdAt;
        @Column(name = "ACTIVE", nullable = false)
        private boolean active;
        @Column(name = "TYPE", length = 16, nullable = false)
        private Kind type;
        @Version
        @Column(name = "ROW_VERSION", nullable = false)
        private int rowVersion;
        private String notStored;

        protected Row() {
        }
    }

    private static final EntityRows<Row> ROWS = new EntityRows<>(Row.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode valid() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"id": "r1", "name": "smtp", "ciphertext": "%s", "expiresAt": null, "createdAt": 1733150000000,
                 "active": true, "type": "SECRET"}
                """.formatted("c".repeat(1000)));
    }

    @Test
    void aRowTravelsWithEveryStoredFieldButTheLockCounter() throws Exception {
        Row row = ROWS.fromJson(valid(), "rows[0]");
        row.rowVersion = 7;
        row.notStored = "x";

        JsonNode back = ROWS.toJson(row);

        assertThat(back).isEqualTo(valid());
        assertThat(ROWS.entityName()).isEqualTo("TestRow");
        assertThat(ROWS.value(row, "createdAt")).isEqualTo(1733150000000L);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "extra       | 1        | 'rows[0].extra' is not a field",
        "name        | 5        | 'rows[0].name' must be a string",
        "name        | null     | 'rows[0].name' is required",
        "name        | '\"ninechars\"' | 'rows[0].name' must be at most 8 characters",
        "createdAt   | '\"1\"'  | 'rows[0].createdAt' must be an integer",
        "createdAt   | 1.5      | 'rows[0].createdAt' must be an integer",
        "createdAt   | null     | 'rows[0].createdAt' is required",
        "active      | 1        | 'rows[0].active' must be true or false",
        "type        | '\"TOTP\"' | 'rows[0].type' must be one of [SECRET, PASSWORD]",
        "rowVersion  | 3        | 'rows[0].rowVersion' is not a field",
    })
    void aBadFieldIsRefusedNamingTheRowAndField(String field, String value, String message) throws Exception {
        ObjectNode row = valid();
        row.set(field, JSON.readTree(value));

        assertThatThrownBy(() -> ROWS.fromJson(row, "rows[0]"))
                .isInstanceOf(TenancyException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aRowMustBeAnObject() {
        assertThatThrownBy(() -> ROWS.fromJson(JSON.getNodeFactory().numberNode(7), "apiKeys[2]"))
                .isInstanceOf(TenancyException.class)
                .hasMessage("'apiKeys[2]' must be a JSON object");
    }
}
