package es.faro.server.automation;

import com.fasterxml.jackson.core.type.TypeReference;
import es.faro.protocol.automation.AutomationRule;
import es.faro.protocol.json.Json;
import es.faro.server.config.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The reference file {@code rules.json}: from the reference folder, else the copy bundled in the jar. */
public final class RuleSeed {
    static final String FILE = "rules.json";

    private RuleSeed() {
    }

    public static List<AutomationRule> load(Path referenceDir) {
        try {
            if (referenceDir != null && Files.isRegularFile(referenceDir.resolve(FILE))) {
                return read(Files.newInputStream(referenceDir.resolve(FILE)));
            }
            InputStream in = RuleSeed.class.getClassLoader()
                    .getResourceAsStream(ServerConfig.CLASSPATH_ROOT + "reference/" + FILE);
            return in == null ? List.of() : read(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("invalid reference file " + FILE + ": " + e.getMessage(), e);
        }
    }

    private static List<AutomationRule> read(InputStream stream) throws IOException {
        try (InputStream in = stream) {
            List<AutomationRule> rules = Json.MAPPER.readValue(in, new TypeReference<List<AutomationRule>>() { });
            return rules == null ? List.of() : rules;
        }
    }
}
