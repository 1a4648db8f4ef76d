package es.faro.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The description passes the swagger-parser validator with no messages, plus house rules (CI also runs
 * Redocly CLI's recommended-strict lint over it: see {@code server/redocly.yaml}): every operation has a unique operationId, a summary, a tag, a
 * success response and its path parameters declared; every $ref resolves.
 */
class OpenApiLintTest {
    static final OpenApiDocument DOC = OpenApiDocument.load();

    @Test
    void theSwaggerParserValidatorReportsNothing() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(DOC.text, null, options);
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.");
        assertThat(result.getOpenAPI().getPaths()).hasSizeGreaterThan(30);
    }

    @Test
    void everyOperationFollowsTheHouseRules() {
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        Pattern param = Pattern.compile("\\{([^}]+)}");
        DOC.root.get("paths").fields().forEachRemaining((Map.Entry<String, JsonNode> path) ->
                path.getValue().fields().forEachRemaining(m -> {
                    String where = m.getKey() + " " + path.getKey();
                    JsonNode op = m.getValue();
                    if (!ids.add(op.path("operationId").asText(""))) {
                        problems.add(where + ": missing or repeated operationId");
                    }
                    if (op.path("summary").asText("").isBlank()) {
                        problems.add(where + ": no summary");
                    }
                    if (op.path("tags").isEmpty()) {
                        problems.add(where + ": no tag");
                    }
                    boolean success = false;
                    for (String code : (Iterable<String>) op.path("responses")::fieldNames) {
                        success |= code.startsWith("2");
                    }
                    if (!success) {
                        problems.add(where + ": no 2xx response");
                    }
                    Matcher matcher = param.matcher(path.getKey());
                    while (matcher.find()) {
                        String name = matcher.group(1);
                        boolean declared = false;
                        for (JsonNode p : op.path("parameters")) {
                            declared |= p.path("in").asText().equals("path") && p.path("name").asText().equals(name);
                        }
                        if (!declared) {
                            problems.add(where + ": path parameter " + name + " not declared");
                        }
                    }
                }));
        Matcher refs = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/schemas/([^\"]+)\"").matcher(DOC.text);
        while (refs.find()) {
            if (DOC.root.at("/components/schemas/" + refs.group(1)).isMissingNode()) {
                problems.add("unresolved $ref " + refs.group(1));
            }
        }
        assertThat(problems).isEmpty();
    }
}
