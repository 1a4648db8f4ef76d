package es.faro.bench.chaos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * A {@link HeadlessAgent} in its own JVM on a cache folder: commands go in on its stdin, and each
 * {@code saved N} it prints is handed to the listener as it arrives. {@link #kill()} is SIGKILL.
 */
final class AgentProcess implements AutoCloseable {
    private static final List<String> JVM = List.of("-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto", "-Djava.awt.headless=true");

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Thread reader;

    private AgentProcess(Process process, IntConsumer onSaved) {
        this.process = process;
        this.stdin = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.reader = new Thread(() -> read(onSaved), "agent-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts an agent on the session {@code token} (signed in once by the caller: restarts skip the slow login). */
    static AgentProcess launch(URI server, String user, String token, Path cacheFolder, Path log, IntConsumer onSaved) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM);
        command.addAll(List.of("-cp", classpath(), HeadlessAgent.class.getName(), server.toString(), user,
                "faro-demo", cacheFolder.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("FARO_"));
        pb.environment().put("FARO_AGENT_TOKEN", token);
        try {
            return new AgentProcess(pb.start(), onSaved);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classpath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        for (String e : cp.split(java.io.File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(Path.of(e).toAbsolutePath().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private void read(IntConsumer onSaved) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("saved ")) {
                    onSaved.accept(Integer.parseInt(line.substring(6).trim()));
                } else {
                    answers.add(line);
                }
            }
        } catch (IOException e) {
            // killed: its stdout ends mid-line at worst
        }
    }

    /** Waits for the next line that is not {@code saved N} ({@code ready}, {@code settled}, {@code refused}). */
    String await(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = answers.poll(Math.min(Math.max(0, left), 200_000_000L), TimeUnit.NANOSECONDS);
            if (line == null && process.isAlive() && left > 0) {
                continue;
            }
            if (line == null && !process.isAlive()) {
                reader.join(1_000);
                line = answers.poll();
            }
            if (line == null) {
                throw new IllegalStateException("agent did not say " + prefix + " within " + timeout
                        + (process.isAlive() ? "" : " (exited with " + process.exitValue() + ")"));
            }
            if (line.startsWith(prefix)) {
                return line;
            }
            if (line.startsWith("refused ")) {
                throw new IllegalStateException("agent refused a command: " + line);
            }
        }
    }

    /** Sends one command line; false once the process is gone (its stdin closed). */
    boolean send(String line) {
        try {
            stdin.write(line);
            stdin.write('\n');
            stdin.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** kill -9: no shutdown hook, no clean close of the cache or the sockets. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        reader.join(2_000);
    }

    /** Asks it to quit and waits; forcibly if it hangs. */
    @Override
    public void close() throws InterruptedException {
        send("quit");
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        reader.join(2_000);
    }
}
