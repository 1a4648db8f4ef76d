package es.faro.client.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's settings, lowest to highest precedence: the bundled defaults, {@code config/client.properties}
 * in the working folder, the user's {@code client.properties} in the config folder, environment
 * variables ({@code FARO_SERVER_URL}), then command-line flags ({@code --server.url=…}).
 */
public final class ClientConfig {
    private static final Logger log = LoggerFactory.getLogger(ClientConfig.class);

    public static final String SERVER_URL = "server.url";
    public static final String LANGUAGE = "language";
    public static final String THEME = "theme";
    public static final String DATA_DIR = "data.dir";
    public static final String DEMO_USER = "demo.user";
    public static final String DEMO_RATE = "demo.traffic.rate";
    public static final String DEMO_PORT = "demo.port";
    /** Demo mode: the other demo agents work beside the user (true by default). */
    public static final String DEMO_COLLEAGUES = "demo.colleagues";
    /** Where the per-user settings file goes; default: the user's config folder, or data.dir when that is set. */
    public static final String CONFIG_DIR = "config.dir";

    private final Properties values;
    /** Keys set by an environment variable or a flag: these outrank the user's saved settings. */
    private final java.util.Set<String> overridden;

    private ClientConfig(Properties values, java.util.Set<String> overridden) {
        this.values = values;
        this.overridden = java.util.Set.copyOf(overridden);
    }

    public static ClientConfig load(String[] args, AppDirs dirs, Map<String, String> env) {
        Properties p = new Properties();
        try (InputStream in = ClientConfig.class.getResourceAsStream("/es/faro/client/app/client-defaults.properties")) {
            if (in != null) {
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            log.warn("cannot read the bundled client defaults", e);
        }
        loadFile(p, Path.of("config", "client.properties"));
        loadFile(p, dirs.config().resolve("client.properties"));
        java.util.Set<String> overridden = new java.util.HashSet<>();
        for (String key : p.stringPropertyNames().toArray(String[]::new)) {
            String envValue = env.get(envName(key));
            if (envValue != null) {
                p.setProperty(key, envValue);
                overridden.add(key);
            }
        }
        for (String key : new String[] {SERVER_URL, LANGUAGE, THEME, DATA_DIR, DEMO_USER, DEMO_RATE, DEMO_PORT, DEMO_COLLEAGUES,
                CONFIG_DIR}) {
            String envValue = env.get(envName(key));
            if (envValue != null) {
                p.setProperty(key, envValue);
                overridden.add(key);
            }
        }
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                int eq = arg.indexOf('=');
                p.setProperty(arg.substring(2, eq), arg.substring(eq + 1));
                overridden.add(arg.substring(2, eq));
            }
        }
        return new ClientConfig(p, overridden);
    }

    static String envName(String key) {
        return "FARO_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private static void loadFile(Properties p, Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            log.warn("cannot read {}", file, e);
        }
    }

    public Optional<String> get(String key) {
        String v = values.getProperty(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** True when an environment variable or a command-line flag set this key (they outrank saved settings). */
    public boolean overridden(String key) {
        return overridden.contains(key);
    }

    /** Demo mode: no server configured, so Faro starts one in-process. */
    public boolean demoMode() {
        return get(SERVER_URL).isEmpty();
    }

    public Locale locale() {
        return Locale.forLanguageTag(get(LANGUAGE).orElse("es"));
    }
}
