package es.faro.server.config;

import es.faro.protocol.model.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The server's settings: a properties file, then {@code FARO_<KEY>} environment variables on top
 * (upper case, '.' → '_'), then programmatic overrides (the embedded server). Values are validated
 * here so a typo fails at startup with the key's name, not later with a stack trace.
 */
public final class ServerConfig {
    /** Where the bundled copy of {@code config/} lives inside the jar. */
    public static final String CLASSPATH_ROOT = "faro-config/";
    public static final Path DEFAULT_FILE = Path.of("config", "server.properties");

    private final Map<String, String> values;

    private ServerConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Loads {@code file}, or when null the working dir's config/server.properties, else the bundled copy. */
    public static ServerConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
        Properties props = new Properties();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("configuration file not found: " + file.toAbsolutePath());
            }
            read(props, file);
        } else if (Files.isRegularFile(DEFAULT_FILE)) {
            read(props, DEFAULT_FILE);
        } else {
            readBundled(props);
        }
        Map<String, String> merged = new HashMap<>();
        props.stringPropertyNames().forEach(k -> merged.put(k, props.getProperty(k).trim()));
        applyEnv(merged, env);
        merged.putAll(overrides);
        return new ServerConfig(merged);
    }

    /** The bundled configuration only (embedded demo mode), with overrides. */
    public static ServerConfig bundled(Map<String, String> overrides) {
        Properties props = new Properties();
        readBundled(props);
        Map<String, String> merged = new HashMap<>();
        props.stringPropertyNames().forEach(k -> merged.put(k, props.getProperty(k).trim()));
        merged.putAll(overrides);
        return new ServerConfig(merged);
    }

    /** Builds a configuration from explicit values only (tests, tools). */
    public static ServerConfig of(Map<String, String> values) {
        return new ServerConfig(values);
    }

    public ServerConfig with(Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(values);
        merged.putAll(overrides);
        return new ServerConfig(merged);
    }

    private static void read(Properties props, Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void readBundled(Properties props) {
        try (InputStream in = ServerConfig.class.getClassLoader()
                .getResourceAsStream(CLASSPATH_ROOT + "server.properties")) {
            if (in == null) {
                return;
            }
            props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled server.properties", e);
        }
    }

    /** Any key can be overridden: the env name is derived from the key, so we look every FARO_ variable up. */
    private static void applyEnv(Map<String, String> merged, Map<String, String> env) {
        Map<String, String> byEnvName = new HashMap<>();
        merged.keySet().forEach(k -> byEnvName.put(envName(k), k));
        for (String known : KNOWN_KEYS) {
            byEnvName.putIfAbsent(envName(known), known);
        }
        for (Channel c : Channel.values()) {
            byEnvName.putIfAbsent(envName(secretKey(c)), secretKey(c));
        }
        env.forEach((name, value) -> {
            String key = byEnvName.get(name);
            if (key != null) {
                merged.put(key, value.trim());
            }
        });
    }

    private static final String[] KNOWN_KEYS = {"host", "port", "data.dir", "store.url", "token.ttl",
            "limits.body.bytes", "demo.traffic", "demo.traffic.rate", "demo.traffic.seed",
            "channels.facebook.verify_token", "reference.dir", "sse.heartbeat", "sse.window",
            "store.pool.size", "node.id", "auth.lockout.failures", "auth.lockout.window", "presence.ttl",
            "http.forwarded.trust", "classifier.apply_threshold", "classifier.suggest_threshold", "tls.keystore",
            "tls.keystore.password"};

    public static String envName(String key) {
        return "FARO_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private static String secretKey(Channel c) {
        return "channels." + c.wireName() + ".secret";
    }

    public Optional<String> get(String key) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    public String host() {
        return get("host").orElse("0.0.0.0");
    }

    public int port() {
        int port = intValue("port", 8080);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        return port;
    }

    public Path dataDir() {
        return Path.of(get("data.dir").orElse("data"));
    }

    /** The JDBC URL; empty {@code store.url} means the SQLite file {@code data.dir/faro.db}. */
    public String storeUrl() {
        return get("store.url").orElseGet(() -> "jdbc:sqlite:" + dataDir().resolve("faro.db").toAbsolutePath());
    }

    /** Read connections of the PostgreSQL pool (SQLite keeps its own small fixed set). */
    public int storePoolSize() {
        int v = intValue("store.pool.size", 8);
        if (v < 1 || v > 200) {
            throw new IllegalArgumentException("store.pool.size must be 1..200: " + v);
        }
        return v;
    }

    /** This node's name in shared state (job claims, logs); default host name and process id. */
    public String nodeId() {
        return get("node.id").orElseGet(() -> {
            String host = System.getenv().getOrDefault("HOSTNAME", "node");
            return host + "-" + ProcessHandle.current().pid();
        });
    }

    /** Failed logins per username and per address within {@link #loginLockoutWindow()} before 429. */
    public int loginLockoutFailures() {
        int v = intValue("auth.lockout.failures", 10);
        if (v < 1) {
            throw new IllegalArgumentException("auth.lockout.failures must be at least 1");
        }
        return v;
    }

    public Duration loginLockoutWindow() {
        return duration("auth.lockout.window", Duration.ofMinutes(15));
    }

    /**
     * Whether the client address is the last X-Forwarded-For entry (true behind a load balancer that
     * appends it) rather than the TCP peer (which would then be the balancer itself).
     */
    public boolean trustForwardedFor() {
        return bool("http.forwarded.trust", false);
    }

    /** How long a viewing/typing lease lives unless renewed. */
    public Duration presenceTtl() {
        return duration("presence.ttl", Duration.ofSeconds(30));
    }

    public Duration tokenTtl() {
        return duration("token.ttl", Duration.ofHours(12));
    }

    public long maxBodyBytes() {
        long v = longValue("limits.body.bytes", 1_048_576L);
        if (v <= 0) {
            throw new IllegalArgumentException("limits.body.bytes must be positive");
        }
        return v;
    }

    public boolean demoTraffic() {
        return bool("demo.traffic", false);
    }

    public double demoTrafficRate() {
        String v = get("demo.traffic.rate").orElse("6");
        try {
            double rate = Double.parseDouble(v);
            if (!(rate > 0)) {
                throw new IllegalArgumentException("demo.traffic.rate must be positive: " + v);
            }
            return rate;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("demo.traffic.rate is not a number: " + v);
        }
    }

    public long demoTrafficSeed() {
        return longValue("demo.traffic.seed", 42L);
    }

    /** Whether demo users may keep their demo password (embedded demo or demo traffic on). */
    public boolean demoMode() {
        return demoTraffic() || bool("embedded.demo", false);
    }

    public Optional<String> channelSecret(Channel channel) {
        return get(secretKey(channel));
    }

    public Map<Channel, String> channelSecrets() {
        Map<Channel, String> secrets = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            channelSecret(c).ifPresent(s -> secrets.put(c, s));
        }
        return secrets;
    }

    public Optional<String> facebookVerifyToken() {
        return get("channels.facebook.verify_token");
    }

    /** Value of {@code reference.dir} that means "only the copy bundled in the jar". */
    public static final String BUNDLED_REFERENCE = "bundled";

    /**
     * The reference data folder, or empty for the bundled copy only. Files missing from the folder
     * (or a folder that does not exist) also fall back to the bundled copy, file by file.
     */
    public Optional<Path> referenceDir() {
        String v = get("reference.dir").orElse("config/reference");
        return v.equals(BUNDLED_REFERENCE) ? Optional.empty() : Optional.of(Path.of(v));
    }

    public Duration sseHeartbeat() {
        return duration("sse.heartbeat", Duration.ofSeconds(15));
    }

    /** Recent events the SSE fan-out keeps in memory; clients further behind are caught up from the table. */
    public int sseWindow() {
        int v = intValue("sse.window", 10_000);
        if (v < 1) {
            throw new IllegalArgumentException("sse.window must be at least 1");
        }
        return v;
    }

    private int intValue(String key, int def) {
        return (int) longValue(key, def);
    }

    private long longValue(String key, long def) {
        String v = get(key).orElse(null);
        if (v == null) {
            return def;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a whole number: " + v);
        }
    }

    private boolean bool(String key, boolean def) {
        String v = get(key).orElse(null);
        if (v == null) {
            return def;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException(key + " must be true or false: " + v);
    }

    private Duration duration(String key, Duration def) {
        String v = get(key).orElse(null);
        if (v == null) {
            return def;
        }
        try {
            Duration d = Duration.parse(v);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(key + " must be positive: " + v);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " is not an ISO-8601 duration (e.g. PT12H): " + v);
        }
    }
}
