package es.faro.server.community;

import com.fasterxml.jackson.annotation.JsonIgnore;
import es.faro.protocol.json.Json;
import es.faro.server.config.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The superuser programme's rules from {@code config/reference/community.json}: points per accepted
 * solution and per kudo, and the levels with the points each starts at (the lowest must start at 0).
 */
public record CommunityConfig(Points points, List<Level> levels) {
    public record Points(int solution, int kudo) {
    }

    public record Level(String name, long minPoints) {
    }

    public CommunityConfig {
        if (points == null || points.solution() < 0 || points.kudo() < 0) {
            throw new IllegalArgumentException("points.solution and points.kudo must be ≥ 0");
        }
        if (levels == null || levels.isEmpty()) {
            throw new IllegalArgumentException("at least one level is required");
        }
        levels = levels.stream().sorted(Comparator.comparingLong(Level::minPoints)).toList();
        if (levels.get(0).minPoints() != 0) {
            throw new IllegalArgumentException("the first level must start at 0 points");
        }
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i).minPoints() == levels.get(i - 1).minPoints()) {
                throw new IllegalArgumentException("two levels start at " + levels.get(i).minPoints() + " points");
            }
        }
    }

    /** The level of a member with {@code totalPoints}. */
    @JsonIgnore
    public String level(long totalPoints) {
        String name = levels.get(0).name();
        for (Level l : levels) {
            if (totalPoints >= l.minPoints()) {
                name = l.name();
            }
        }
        return name;
    }

    /** From the reference folder, else the copy bundled in the jar. */
    public static CommunityConfig load(Path referenceDir) {
        String name = "community.json";
        try {
            if (referenceDir != null && Files.isRegularFile(referenceDir.resolve(name))) {
                return Json.MAPPER.readValue(referenceDir.resolve(name).toFile(), CommunityConfig.class);
            }
            try (InputStream in = CommunityConfig.class.getClassLoader()
                    .getResourceAsStream(ServerConfig.CLASSPATH_ROOT + "reference/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("reference file " + name + " is missing");
                }
                return Json.MAPPER.readValue(in, CommunityConfig.class);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("invalid reference file " + name + ": " + e.getMessage(), e);
        }
    }
}
