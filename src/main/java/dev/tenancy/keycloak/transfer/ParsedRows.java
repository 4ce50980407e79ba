package dev.tenancy.keycloak.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One kind of rows of an import file: the entities to write and each as the JSON an export of it would give (values
 * converted and normalised, e.g. an invitation's derived pending key), which is what a repeated import compares.
 */
record ParsedRows(RowKind kind, List<Object> entities, List<ObjectNode> rows) {

    String path(int index) {
        return kind.name() + "[" + index + "]";
    }

    String text(int index, String field) {
        return rows.get(index).path(field).textValue();
    }

    int size() {
        return entities.size();
    }
}
