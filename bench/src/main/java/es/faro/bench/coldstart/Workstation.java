package es.faro.bench.coldstart;

import es.faro.bench.data.CacheFixture;
import es.faro.bench.data.ServerFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Starts the real workstation in a child JVM, headless (Monocle, software rendering), in demo
 * mode (its embedded server, signed in as the lead) over a copy of a generated cache, and
 * returns what {@link ColdStartChild} reported.
 */
public final class Workstation {
    private Workstation() {
    }

    /** What one start reported; {@code launchedAt} is the parent's clock just before the process started. */
    public record Started(long launchedAt, Properties report, int exitCode) {
        public long coldStartMillis() {
            return Long.parseLong(report.getProperty("ready.epoch.ms")) - launchedAt;
        }

        public long sinceJvmStartMillis() {
            return Long.parseLong(report.getProperty("ready.epoch.ms"))
                    - Long.parseLong(report.getProperty("jvm.start.epoch.ms"));
        }
    }

    /** The child runs in another folder: relative class path entries must not break. */
    static String absoluteClassPath() {
        String sep = java.io.File.pathSeparator;
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.util.regex.Pattern.quote(sep)))
                .filter(e -> !e.isBlank())
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(sep));
    }

    /** Puts the cache where the demo workstation of {@link ServerFixture#USER} looks for it. */
    public static Path install(CacheFixture.Prepared cache, Path dataDir) throws IOException {
        Path target = dataDir.resolve("cache").resolve(ServerFixture.USER + "@demo.db");
        Files.createDirectories(target.getParent());
        Files.copy(cache.file(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    public static Started start(Path dataDir, String xmx, Duration settle, Duration timeout)
            throws IOException, InterruptedException {
        Path report = dataDir.resolve("coldstart-" + System.nanoTime() + ".properties");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx,
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dprism.text=t2k", "-Dheadless.geometry=1600x1000-32", "-Djava.awt.headless=true",
                "-cp", absoluteClassPath(),
                ColdStartChild.class.getName(),
                "--report=" + report,
                "--data.dir=" + dataDir.toAbsolutePath(),
                "--demo.user=" + ServerFixture.USER,
                "--demo.traffic.rate=30"));
        if (!settle.isZero()) {
            cmd.add("--settle=" + settle);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd)
                // Away from the repository: its config/client.properties must not configure the child.
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("child.log").toFile());
        long launchedAt = System.currentTimeMillis();
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the workstation did not report within " + timeout + ":\n"
                    + tail(dataDir.resolve("child.log")));
        }
        if (!Files.isRegularFile(report)) {
            throw new IllegalStateException("the workstation exited (" + p.exitValue() + ") without showing data:\n"
                    + tail(dataDir.resolve("child.log")));
        }
        Properties props = new Properties();
        try (var in = Files.newInputStream(report)) {
            props.load(in);
        }
        return new Started(launchedAt, props, p.exitValue());
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.isRegularFile(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
