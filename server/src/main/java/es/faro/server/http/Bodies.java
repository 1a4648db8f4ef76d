package es.faro.server.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import es.faro.protocol.api.ErrorCodes;
import es.faro.protocol.json.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Request bodies: read once with a size bound (413 past it, whatever Content-Length claims), then
 * mapped to a record with every Jackson failure turned into a clear 400 instead of a 500.
 */
public final class Bodies {
    private static final String RAW = "faro.rawBody";

    private final long maxBytes;
    /**
     * Strict request parsing: 1.5 is not a version, "7" is not a number and 7 is not a text; the
     * shared mapper stays lenient for reading our own stored JSON.
     */
    private static final com.fasterxml.jackson.databind.ObjectMapper STRICT = strictMapper();

    private static com.fasterxml.jackson.databind.ObjectMapper strictMapper() {
        com.fasterxml.jackson.databind.ObjectMapper m = Json.MAPPER.copy()
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        m.coercionConfigDefaults()
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        return m;
    }

    public Bodies(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The raw bytes as received (webhook signatures are computed over exactly these). */
    public byte[] raw(Context ctx) {
        byte[] cached = ctx.attribute(RAW);
        if (cached != null) {
            return cached;
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge();
            }
            ctx.attribute(RAW, bytes);
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest("the request body could not be read");
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, ErrorCodes.TOO_LARGE, "the request body is larger than " + maxBytes + " bytes");
    }

    /** Requires a JSON content type (415 otherwise). */
    public static void requireJson(Context ctx) {
        String type = ctx.contentType();
        String mime = type == null ? "" : type.split(";")[0].trim();
        if (!mime.equalsIgnoreCase("application/json")) {
            throw new ApiException(415, ErrorCodes.UNSUPPORTED_MEDIA,
                    "send the body as application/json" + (type == null ? "" : ", not " + type));
        }
    }

    public <T> T json(Context ctx, Class<T> type) {
        requireJson(ctx);
        byte[] raw = raw(ctx);
        if (raw.length == 0) {
            throw new ApiException(400, ErrorCodes.INVALID_JSON, "the request body is empty; a JSON object is required");
        }
        try {
            T value = STRICT.readerFor(type).readValue(raw);
            if (value == null) {
                throw ApiException.validation("a JSON object is required, not null");
            }
            return value;
        } catch (IOException e) {
            throw mapJackson(e);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(e.getMessage());
        }
    }

    /** Jackson's exceptions to API errors: syntax → invalid_json, shape and types → validation_failed. */
    public static ApiException mapJackson(Exception e) {
        if (e instanceof JacksonException j && !(e instanceof JsonMappingException)) {
            return new ApiException(400, ErrorCodes.INVALID_JSON, "malformed JSON: " + j.getOriginalMessage());
        }
        if (e instanceof JsonMappingException m) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String where = field.isEmpty() ? "the body" : "field " + field;
            if (m instanceof InvalidFormatException f) {
                return ApiException.validation(where + ": invalid value " + Json.write(String.valueOf(f.getValue()))
                        + expected(f.getTargetType()));
            }
            if (m instanceof ValueInstantiationException v && v.getCause() != null) {
                return ApiException.validation(where + ": " + v.getCause().getMessage());
            }
            if (m instanceof MismatchedInputException mi) {
                if (mi.getTargetType() != null && mi.getTargetType().isRecord() && field.isEmpty()) {
                    return ApiException.validation("the body must be a JSON object");
                }
                return ApiException.validation(where + ": wrong type or missing value" + expected(mi.getTargetType()));
            }
            return ApiException.validation(where + ": " + m.getOriginalMessage());
        }
        return new ApiException(400, ErrorCodes.INVALID_JSON, "the body is not valid JSON");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        if (type.isEnum()) {
            return " (one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ")) + ")";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return " (a whole number)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return " (true or false)";
        }
        if (type == String.class) {
            return " (a string)";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return " (an array)";
        }
        return "";
    }
}
