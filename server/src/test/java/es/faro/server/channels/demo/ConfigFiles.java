package es.faro.server.channels.demo;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's top-level config/ folder from wherever the tests run (the module folder under Maven). */
final class ConfigFiles {
    private ConfigFiles() {
    }

    static Path dir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path config = dir.resolve("config");
            if (Files.isRegularFile(config.resolve("reference").resolve("brands.json"))) {
                return config;
            }
        }
        throw new IllegalStateException("config/reference/brands.json not found above " + Path.of("").toAbsolutePath());
    }

    static Path reference(String file) {
        return dir().resolve("reference").resolve(file);
    }

    static Path trafficCorpus() {
        return dir().resolve("demo").resolve("traffic.json");
    }
}
