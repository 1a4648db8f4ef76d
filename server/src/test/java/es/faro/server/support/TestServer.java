package es.faro.server.support;

import es.faro.server.FaroServer;
import es.faro.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A real server on 127.0.0.1 with a fresh SQLite file, the bundled reference data and known secrets. */
public final class TestServer implements AutoCloseable {
    public static final String TWITTER_SECRET = "test-twitter-secret";
    public static final String FACEBOOK_SECRET = "test-facebook-secret";
    public static final String GOOGLE_PLAY_SECRET = "test-gp-secret";
    public static final String VERIFY_TOKEN = "test-verify-token";

    private final Path dataDir;
    private final Map<String, String> extra;
    private final java.time.Clock clock;
    private FaroServer server;
    private ApiClient client;

    private TestServer(Path dataDir, Map<String, String> extra, java.time.Clock clock) {
        this.dataDir = dataDir;
        this.extra = extra;
        this.clock = clock;
    }

    public static TestServer start() {
        return start(Map.of());
    }

    public static TestServer start(Map<String, String> extra) {
        return start(extra, java.time.Clock.systemUTC());
    }

    /** A server whose SLA clocks and metrics read {@code clock} (e.g. a {@link MutableClock}). */
    public static TestServer start(Map<String, String> extra, java.time.Clock clock) {
        try {
            TestServer t = new TestServer(Files.createTempDirectory("faro-server-test"), extra, clock);
            t.boot();
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ServerConfig config(Path dataDir, Map<String, String> extra) {
        Map<String, String> values = new HashMap<>();
        values.put("port", "0");
        values.put("data.dir", dataDir.toString());
        values.put("embedded.demo", "true");
        values.put("reference.dir", ServerConfig.BUNDLED_REFERENCE);
        values.put("sse.heartbeat", "PT0.5S");
        values.put("limits.body.bytes", "1048576");
        values.put("channels.twitter.secret", TWITTER_SECRET);
        values.put("channels.facebook.secret", FACEBOOK_SECRET);
        values.put("channels.facebook.verify_token", VERIFY_TOKEN);
        values.put("channels.google_play.secret", GOOGLE_PLAY_SECRET);
        values.putAll(extra);
        return ServerConfig.of(values);
    }

    private void boot() {
        server = FaroServer.start(config(dataDir, extra), "127.0.0.1", Optional.empty(), clock);
        client = new ApiClient(server.baseUri());
    }

    /** Stops and starts again on the same database file (a restart). */
    public void restart() {
        restart(() -> { });
    }

    /** Restarts, running {@code whileStopped} between stop and start (e.g. to edit the database file). */
    public void restart(Runnable whileStopped) {
        server.close();
        whileStopped.run();
        boot();
    }

    public ApiClient client() {
        return client;
    }

    public FaroServer server() {
        return server;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        server.close();
    }
}
