package es.faro.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code --smoke} and {@code --key=value} flags of a scenario main. */
public final class Args {
    private final Map<String, String> values = new HashMap<>();
    private final boolean smoke;

    public Args(String[] args) {
        boolean s = false;
        for (String a : args) {
            if (a.equals("--smoke")) {
                s = true;
            } else if (a.startsWith("--") && a.contains("=")) {
                int eq = a.indexOf('=');
                values.put(a.substring(2, eq), a.substring(eq + 1));
            } else {
                throw new IllegalArgumentException("unknown argument " + a + " (use --smoke or --key=value)");
            }
        }
        this.smoke = s;
    }

    public boolean smoke() {
        return smoke;
    }

    /** The flag's value, else the smoke default in smoke mode, else the full default. */
    public int integer(String key, int full, int smokeDefault) {
        String v = values.get(key);
        return v != null ? Integer.parseInt(v) : smoke ? smokeDefault : full;
    }

    public double decimal(String key, double full, double smokeDefault) {
        String v = values.get(key);
        return v != null ? Double.parseDouble(v) : smoke ? smokeDefault : full;
    }

    public String text(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    /** {@code --dir=…}, else a fresh temporary folder. */
    public Path workDir(String prefix) throws java.io.IOException {
        String dir = values.get("dir");
        if (dir != null) {
            return Files.createDirectories(Path.of(dir));
        }
        return Files.createTempDirectory(prefix);
    }
}
