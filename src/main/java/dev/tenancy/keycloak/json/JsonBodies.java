package dev.tenancy.keycloak.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tenancy.keycloak.error.TenancyException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The one way a request body becomes a representation record: strict UTF-8 (an invalid byte is a 400, never a
 * replacement character that would be stored), strict JSON (no trailing data, no duplicate keys), strict types
 * (no string from a number or the other way round) and no unknown fields. Every failure is a 400 whose message
 * names the field, so a client learns what to fix and nothing half-read reaches a service. Rules Jackson cannot
 * express (lengths, patterns, ranges, required fields) are each record's {@link Validated#validated()} step,
 * through {@link Fields}: run after binding, so an unknown field is reported before a rule about a known one.
 */
public final class JsonBodies {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                    DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                    DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // Every shape that is not the target's own is refused: "5" is not a number, 5 is not a string.
            .withCoercionConfigDefaults(config -> {
                for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString,
                        CoercionInputShape.EmptyArray, CoercionInputShape.EmptyObject)) {
                    config.setCoercion(shape, CoercionAction.Fail);
                }
                config.setAcceptBlankAsEmpty(false);
            })
            .build();

    private JsonBodies() {
    }

    /** A body that must be there: one JSON object bound to {@code type}. */
    public static <T> T read(byte[] body, Class<T> type) {
        return readOptional(body, type).orElseThrow(JsonBodies::missing);
    }

    /** A body that must be there, bound to a generic type such as {@code Map<String, Object>}. */
    public static <T> T read(byte[] body, TypeReference<T> type) {
        return JsonBodies.<T>bind(body, MAPPER.getTypeFactory().constructType(type)).orElseThrow(JsonBodies::missing);
    }

    /** A body that may be left out (no bytes, or only whitespace); when sent, read as strictly as any other. */
    public static <T> Optional<T> readOptional(byte[] body, Class<T> type) {
        return bind(body, MAPPER.getTypeFactory().constructType(type));
    }

    private static <T> Optional<T> bind(byte[] body, JavaType type) {
        String text = utf8(body);
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(validated(requireObject(MAPPER.<T>readValue(text, type))));
        } catch (JacksonException e) {
            throw BindingErrors.translated(e, "");
        }
    }

    private static TenancyException missing() {
        return TenancyException.invalid("Request body is missing; expected a JSON object");
    }

    /**
     * A part of a body whose type depends on another field (an OAuth token under {@code value}), or a document
     * built from another form (the admin console's tab); messages name fields below {@code path}.
     */
    public static <T> T convert(JsonNode node, String path, Class<T> type) {
        if (node == null || !node.isObject()) {
            throw TenancyException.invalid("'" + (path.isEmpty() ? "body" : path) + "' must be a JSON object");
        }
        try {
            return validated(MAPPER.treeToValue(node, type));
        } catch (JacksonException e) {
            throw BindingErrors.translated(e, path);
        } catch (IllegalArgumentException e) {
            throw BindingErrors.cause(e).orElseThrow(() -> e);
        }
    }

    /** Parses JSON text that this extension wrote itself (a stored document), by the same strict rules. */
    public static <T> T parse(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw missing();
        }
        try {
            return validated(requireObject(MAPPER.readValue(json, type)));
        } catch (JacksonException e) {
            throw BindingErrors.translated(e, "");
        }
    }

    /** Writes a representation as compact JSON text, for documents kept in attributes. */
    public static String write(Object representation) {
        try {
            return MAPPER.writeValueAsString(representation);
        } catch (JacksonException e) {
            throw new IllegalStateException("Cannot write " + representation.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The JSON tree of a value, for parts that are kept as JSON text (credential metadata, an OAuth token). */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /**
     * A request record whose field rules run once Jackson has bound it: Jackson reports unknown fields only after
     * it has called the constructor, and a client should hear of a typo before a rule about another field.
     */
    public interface Validated<T> {

        /** This record with its text normalized (stripped); a broken rule throws a 400 naming the field. */
        T validated();
    }

    @SuppressWarnings("unchecked")
    private static <T> T validated(T value) {
        return value instanceof Validated<?> checked ? (T) checked.validated() : value;
    }

    private static <T> T requireObject(T value) {
        if (value == null) {
            throw TenancyException.invalid("'body' must be a JSON object");
        }
        return value;
    }

    /** Decodes strictly: a malformed or unmappable sequence is a 400 naming its byte offset. */
    static String utf8(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(body.length * (double) decoder.maxCharsPerByte()));
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw TenancyException.invalid("Request body is not valid UTF-8 (byte " + (in.position() + 1) + ")");
        }
        return out.flip().toString();
    }
}
