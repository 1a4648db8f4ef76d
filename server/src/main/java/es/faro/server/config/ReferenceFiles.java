package es.faro.server.config;

import com.fasterxml.jackson.core.type.TypeReference;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.CannedResponse;
import es.faro.protocol.model.Label;
import es.faro.protocol.model.Workqueue;
import es.faro.protocol.sla.BusinessCalendar;
import es.faro.protocol.sla.SlaPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads config/reference/*.json from a folder, falling back file by file to the copy bundled in the
 * jar, so a deployment may override only some files. A missing optional file is an empty list.
 */
public final class ReferenceFiles {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceFiles.class);
    private static final String BUNDLED = ServerConfig.CLASSPATH_ROOT + "reference/";

    private final Path dir;

    /** {@code dir} may be null to use only the bundled copy. */
    public ReferenceFiles(Path dir) {
        this.dir = dir;
    }

    public ReferenceSeed load() {
        return new ReferenceSeed(
                read("brands.json", new TypeReference<List<Brand>>() { }),
                read("labels.json", new TypeReference<List<Label>>() { }),
                read("queues.json", new TypeReference<List<Workqueue>>() { }),
                read("users.json", new TypeReference<List<UserSeed>>() { }),
                read("calendars.json", new TypeReference<List<BusinessCalendar>>() { }),
                read("sla-policies.json", new TypeReference<List<SlaPolicy>>() { }),
                read("canned-responses.json", new TypeReference<List<CannedResponse>>() { }));
    }

    private <T> List<T> read(String name, TypeReference<List<T>> type) {
        try {
            if (dir != null && Files.isRegularFile(dir.resolve(name))) {
                return nonNull(Json.MAPPER.readValue(dir.resolve(name).toFile(), type));
            }
            try (InputStream in = ReferenceFiles.class.getClassLoader().getResourceAsStream(BUNDLED + name)) {
                if (in == null) {
                    LOG.warn("reference file {} not found; using an empty list", name);
                    return List.of();
                }
                return nonNull(Json.MAPPER.readValue(in, type));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("invalid reference file " + name + ": " + e.getMessage(), e);
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
