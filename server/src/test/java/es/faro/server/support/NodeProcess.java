package es.faro.server.support;

import es.faro.server.ServerMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A Faro server node in its own JVM ({@link ServerMain} on the test classpath), as a real deployment
 * runs it: its own port, a shared store URL, the bundled reference data and the test secrets. Output
 * goes to {@code node.log} in its folder.
 */
public final class NodeProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final URI base;
    private final Path log;

    private NodeProcess(String name, Process process, URI base, Path log) {
        this.name = name;
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** JVM flags for short test runs: quick start-up and a small heap. */
    public static final List<String> TEST_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** Launches a node for a short test run; {@link #awaitHealthy} waits until it serves. */
    public static NodeProcess launch(String name, String storeUrl, Map<String, String> extra) {
        return launch(name, storeUrl, extra, TEST_JVM);
    }

    /** Launches a node on {@code storeUrl} with {@code jvmFlags} and config {@code extra}. */
    public static NodeProcess launch(String name, String storeUrl, Map<String, String> extra, List<String> jvmFlags) {
        try {
            Path dir = Files.createTempDirectory("faro-node-" + name);
            int port = freePort();
            Properties p = new Properties();
            p.setProperty("host", "127.0.0.1");
            p.setProperty("port", Integer.toString(port));
            p.setProperty("data.dir", dir.toString());
            p.setProperty("store.url", storeUrl);
            p.setProperty("store.pool.size", "4");
            p.setProperty("node.id", name);
            p.setProperty("embedded.demo", "true"); // demo users keep their demo password in tests
            p.setProperty("reference.dir", "bundled");
            p.setProperty("sse.heartbeat", "PT1S");
            p.setProperty("channels.twitter.secret", TestServer.TWITTER_SECRET);
            p.setProperty("channels.facebook.secret", TestServer.FACEBOOK_SECRET);
            p.setProperty("channels.facebook.verify_token", TestServer.VERIFY_TOKEN);
            p.setProperty("channels.google_play.secret", TestServer.GOOGLE_PLAY_SECRET);
            extra.forEach(p::setProperty);
            Path config = dir.resolve("server.properties");
            try (Writer w = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                p.store(w, "node " + name);
            }
            String classpath = absolute(System.getProperty("surefire.test.class.path",
                    System.getProperty("java.class.path")));
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmFlags);
            command.addAll(List.of("-cp", classpath, ServerMain.class.getName(), "--config", config.toString()));
            Path log = dir.resolve("node.log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).directory(dir.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("FARO_"));
            return new NodeProcess(name, pb.start(), URI.create("http://127.0.0.1:" + port), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node runs in its own folder: relative classpath entries must not depend on ours. */
    private static String absolute(String classpath) {
        List<String> entries = new ArrayList<>();
        for (String e : classpath.split(java.io.File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(Path.of(e).toAbsolutePath().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits until {@code /api/v1/health} answers 200; fails with the node's log if it died or timed out. */
    public NodeProcess awaitHealthy(Duration timeout) {
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try (Response r = http.newCall(new Request.Builder().url(base.resolve("/api/v1/health").toString())
                    .build()).execute()) {
                if (r.code() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            sleep(100);
        }
        String tail = logTail();
        process.destroyForcibly(); // a node that never served must not outlive the test
        throw new IllegalStateException("node " + name + " not healthy after " + timeout + ":\n" + tail);
    }

    public String name() {
        return name;
    }

    public URI base() {
        return base;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** kill -9: no shutdown hook, no goodbye to its clients or the database. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the node gracefully (its shutdown hook closes the server), forcibly if it hangs. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
