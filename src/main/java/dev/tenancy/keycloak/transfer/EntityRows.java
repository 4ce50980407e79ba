package dev.tenancy.keycloak.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenancy.keycloak.error.TenancyException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Version;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One of our entities as a JSON row: every persistent field but the optimistic-lock counter, by its Java name, with
 * the stored value as it is (hashes, ciphertext, wrapped keys, history columns). Reading a row back refuses fields
 * the entity lacks, values of the wrong JSON type, missing required values and values longer than their column,
 * naming the row and field.
 */
final class EntityRows<E> {

    /** Columns of unbounded text (CLOB), where {@code @Column.length} is only the JPA default. */
    private static final Set<String> UNBOUNDED = Set.of("CIPHERTEXT");

    private final Class<E> type;
    private final Constructor<E> constructor;
    private final Map<String, Field> fields = new LinkedHashMap<>();

    EntityRows(Class<E> type) {
        this.type = type;
        try {
            this.constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " has no constructor without arguments", e);
        }
        for (Field field : type.getDeclaredFields()) {
            // An optimistic-lock counter is no data: an imported row starts at 0, as a new row does (and Hibernate
            // would take a row with a counter above 0 for a detached one).
            if (field.isAnnotationPresent(Column.class) && !field.isAnnotationPresent(Version.class)
                    && !Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                fields.put(field.getName(), field);
            }
        }
    }

    String entityName() {
        return type.getAnnotation(Entity.class).name();
    }

    Class<E> type() {
        return type;
    }

    ObjectNode toJson(E entity) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        fields.forEach((name, field) -> row.set(name, valueNode(read(field, entity))));
        return row;
    }

    Object value(E entity, String fieldName) {
        return read(fields.get(fieldName), entity);
    }

    boolean has(String fieldName) {
        return fields.containsKey(fieldName);
    }

    void set(E entity, String fieldName, Object value) {
        write(fields.get(fieldName), entity, value);
    }

    /** The row as an entity to persist; {@code path} names it in messages, e.g. {@code apiKeys[3]}. */
    E fromJson(JsonNode row, String path) {
        if (row == null || !row.isObject()) {
            throw TenancyException.invalid("'" + path + "' must be a JSON object");
        }
        for (Iterator<String> names = row.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.containsKey(name)) {
                throw TenancyException.invalid("'" + path + "." + name + "' is not a field of this kind of row");
            }
        }
        E entity = newEntity();
        fields.forEach((name, field) -> write(field, entity, converted(row.get(name), field, path + "." + name)));
        return entity;
    }

    private E newEntity() {
        try {
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create " + type.getName(), e);
        }
    }

    private static Object converted(JsonNode node, Field field, String path) {
        Class<?> javaType = field.getType();
        Column column = field.getAnnotation(Column.class);
        if (node == null || node.isNull()) {
            if (javaType.isPrimitive() || !column.nullable()) {
                throw TenancyException.invalid("'" + path + "' is required");
            }
            return null;
        }
        if (javaType == String.class) {
            if (!node.isTextual()) {
                throw TenancyException.invalid("'" + path + "' must be a string");
            }
            String text = node.textValue();
            if (!UNBOUNDED.contains(column.name()) && text.length() > column.length()) {
                throw TenancyException.invalid("'" + path + "' must be at most " + column.length() + " characters");
            }
            return text;
        }
        if (javaType == long.class || javaType == Long.class) {
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw TenancyException.invalid("'" + path + "' must be an integer");
            }
            return node.longValue();
        }
        if (javaType == int.class || javaType == Integer.class) {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw TenancyException.invalid("'" + path + "' must be an integer");
            }
            return node.intValue();
        }
        if (javaType == boolean.class || javaType == Boolean.class) {
            if (!node.isBoolean()) {
                throw TenancyException.invalid("'" + path + "' must be true or false");
            }
            return node.booleanValue();
        }
        if (javaType.isEnum()) {
            if (node.isTextual()) {
                for (Object constant : javaType.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(node.textValue())) {
                        return constant;
                    }
                }
            }
            throw TenancyException.invalid("'" + path + "' must be one of "
                    + Arrays.toString(javaType.getEnumConstants()));
        }
        throw new IllegalStateException("No JSON mapping for " + javaType.getName() + " (" + path + ")");
    }

    private static JsonNode valueNode(Object value) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (value == null) {
            return json.nullNode();
        }
        if (value instanceof String text) {
            return json.textNode(text);
        }
        if (value instanceof Long number) {
            return json.numberNode(number);
        }
        if (value instanceof Integer number) {
            return json.numberNode(number);
        }
        if (value instanceof Boolean flag) {
            return json.booleanNode(flag);
        }
        if (value instanceof Enum<?> constant) {
            return json.textNode(constant.name());
        }
        throw new IllegalStateException("No JSON mapping for " + value.getClass().getName());
    }

    private static Object read(Field field, Object entity) {
        try {
            return field.get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Field field, Object entity, Object value) {
        try {
            field.set(entity, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
