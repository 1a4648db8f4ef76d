package es.faro.server.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import es.faro.protocol.json.Json;
import es.faro.server.http.OpenApiRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The OpenAPI description as the tests read it: operations, path matching, response schemas (JSON Schema 2020-12). */
final class OpenApiDocument {
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    final String text;
    final JsonNode root;

    private OpenApiDocument(String text) {
        this.text = text;
        this.root = Json.read(text, JsonNode.class);
    }

    static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(OpenApiRoutes.RESOURCE)) {
            return new OpenApiDocument(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation as "METHOD path". */
    List<String> operations() {
        List<String> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = root.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(m -> out.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey()));
        }
        return out;
    }

    /**
     * The path template of the spec that {@code concretePath} (no query) matches; a literal segment wins
     * over a parameter (so {@code /conversations/bulk} is not taken for {@code /conversations/{id}}).
     */
    Optional<String> template(String concretePath) {
        Iterator<String> names = root.get("paths").fieldNames();
        String best = null;
        long bestParams = Long.MAX_VALUE;
        while (names.hasNext()) {
            String t = names.next();
            String regex = Pattern.quote(t).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            long params = t.chars().filter(ch -> ch == '{').count();
            if (concretePath.matches(regex) && params < bestParams) {
                best = t;
                bestParams = params;
            }
        }
        return Optional.ofNullable(best);
    }

    JsonNode response(String template, String method, int status) {
        return root.path("paths").path(template).path(method.toLowerCase(Locale.ROOT)).path("responses")
                .path(Integer.toString(status));
    }

    /** Schema errors of {@code body} against {@code schema} (which may $ref the components). */
    List<String> validate(JsonNode schema, String body) {
        String wrapper = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$defs\":"
                + Json.write(root.path("components").path("schemas")) + ",\"allOf\":[" + Json.write(schema) + "]}";
        Schema compiled = SCHEMAS.getSchema(wrapper.replace("#/components/schemas/", "#/$defs/"));
        List<String> out = new ArrayList<>();
        for (Error e : compiled.validate(body, InputFormat.JSON)) {
            out.add(e.toString());
        }
        return out;
    }
}
