package es.faro.server.channels;

import com.fasterxml.jackson.databind.JsonNode;

/** Strict field access for payload parsing: a missing required field names itself in the error. */
final class JsonFields {
    private JsonFields() {
    }

    static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isEmpty()) {
            throw new PayloadException(where + "." + field + " is required");
        }
        return v.asText();
    }

    static String optText(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    static JsonNode array(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new PayloadException(where + "." + field + " must be an array");
        }
        return v;
    }

    static JsonNode object(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            throw new PayloadException(where + "." + field + " must be an object");
        }
        return v;
    }

    static JsonNode root(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new PayloadException("the payload must be a JSON object");
        }
        return root;
    }
}
