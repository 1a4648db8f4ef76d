package es.faro.bench;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.bench.coldstart.ColdStartScenario;
import es.faro.bench.fxpulse.FxPulseScenario;
import es.faro.bench.ingest.IngestScenario;
import es.faro.bench.memory.MemoryScenario;
import es.faro.bench.micro.MicroBenchmarks;
import es.faro.bench.search.SearchScenario;
import es.faro.bench.sse.SseFanoutScenario;
import es.faro.bench.sync.BootstrapCatchUpScenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every scenario's smoke mode (tiny sizes) runs and prints its figures in the parseable form
 * with sane values. No timing is asserted: this machine's speed is not what CI checks.
 */
class ScenarioSmokeTest {
    @TempDir
    Path fixtures;

    @Test
    void ingestPrintsRatesForEveryAcknowledgedMessage() throws Exception {
        Map<String, Double> f = run(IngestScenario::main, "--smoke");
        assertThat(f.get("ingest.messages")).isEqualTo(500);
        assertThat(f.get("ingest.failed")).isZero();
        assertThat(f.get("raw.rows")).isEqualTo(500);
        assertThat(f).containsKeys("ingest.rate", "raw.rate", "ingest.ratio", "ingest.latency.p99");
        assertThat(f.get("ingest.rate")).isPositive();
    }

    @Test
    void bootstrapAndCatchUpPrintTheirTimes() throws Exception {
        Map<String, Double> f = run(BootstrapCatchUpScenario::main, "--smoke");
        assertThat(f.get("bootstrap.conversations")).isEqualTo(200);
        assertThat(f.get("bootstrap.messages")).isEqualTo(2_000);
        assertThat(f.get("catchup.messages")).isEqualTo(200);
        assertThat(f.get("catchup.events")).isEqualTo(400);
        assertThat(f.get("cache.activeConversations.count")).isPositive();
        assertThat(f.get("bootstrap.time")).isPositive();
        assertThat(f.get("catchup.time")).isPositive();
    }

    @Test
    void nextClaimsFromManyWaitingAndPrintsItsLatency() throws Exception {
        Map<String, Double> f = run(es.faro.bench.next.NextPickScenario::main, "--smoke");
        assertThat(f.get("next.tweets")).isEqualTo(300);
        assertThat(f.get("next.ingest.failed")).isZero();
        assertThat(f.get("next.claims")).isEqualTo(30);
        assertThat(f.get("next.latency.p95")).isPositive();
    }

    @Test
    void cannedPickerTimesEveryKeystroke() throws Exception {
        Map<String, Double> f = run(es.faro.bench.canned.CannedPickerScenario::main, "--smoke");
        assertThat(f.get("canned.responses")).isEqualTo(300);
        assertThat(f.get("canned.searchable")).isPositive().isLessThan(300);
        assertThat(f.get("canned.keystrokes")).isEqualTo(2 * 82);
        assertThat(f.get("canned.hits.mean")).isPositive();
        assertThat(f.get("canned.keystroke.p95")).isPositive();
    }

    @Test
    void searchFindsHitsForOneBrand() throws Exception {
        Map<String, Double> f = run(SearchScenario::main, "--smoke", "--fixtures=" + fixtures);
        assertThat(f.get("search.corpus.messages")).isEqualTo(3_000);
        assertThat(f.get("search.rank.queries")).isEqualTo(20);
        assertThat(f.get("search.rank.hits.mean")).isPositive().isLessThanOrEqualTo(50);
        assertThat(f.get("search.recent.hits.mean")).isEqualTo(f.get("search.rank.hits.mean"));
        assertThat(f.get("search.rank.p95")).isPositive();
        assertThat(f.get("search.workstation.queries")).isEqualTo(20);
        assertThat(f.get("search.workstation.hits.mean")).isPositive().isLessThanOrEqualTo(50);
        assertThat(f.get("search.workstation.p95")).isPositive();
    }

    @Test
    void coldStartShowsTheListOfTheRealWorkstationAndMemoryIsRead() throws Exception {
        Map<String, Double> cold = run(ColdStartScenario::main, "--smoke", "--fixtures=" + fixtures);
        assertThat(cold.get("coldstart.cached.conversations")).isEqualTo(300);
        assertThat(cold.get("coldstart.run1")).isPositive();
        assertThat(cold.get("coldstart.median")).isPositive();

        Map<String, Double> memory = run(MemoryScenario::main, "--smoke", "--fixtures=" + fixtures);
        assertThat(memory.get("memory.rss")).isPositive();
        assertThat(memory.get("memory.rss.peak")).isGreaterThanOrEqualTo(memory.get("memory.rss"));
        assertThat(memory.get("memory.xmx")).isEqualTo(768);
    }

    @Test
    void fxPulseRecordsFramesWhileEventsArrive() throws Exception {
        Map<String, Double> f = run(FxPulseScenario::main, "--smoke");
        assertThat(f.get("fx.conversations.listed")).isPositive();
        assertThat(f.get("fx.events.applied")).isPositive();
        assertThat(f.get("fx.frames")).isPositive();
        assertThat(f.get("fx.gap.max")).isGreaterThanOrEqualTo(f.get("fx.gap.p99"));
    }

    @Test
    void dashboardCountsEveryArrivalOnTheBacklogTile() throws Exception {
        // A JVM of its own: JavaFX starts once per JVM and the fxpulse smoke run may have used it here.
        Map<String, Double> f = runInChild(es.faro.bench.dashboard.DashboardScenario.class, "--smoke");
        assertThat(f.get("dashboard.backlog.start")).isPositive();
        assertThat(f.get("dashboard.arrivals")).isPositive();
        assertThat(f.get("dashboard.events.applied")).isEqualTo(2 * f.get("dashboard.arrivals"));
        assertThat(f.get("dashboard.arrivals.unseen")).isZero();
        assertThat(f.get("dashboard.latency.samples")).isPositive();
        assertThat(f.get("dashboard.latency.max")).isGreaterThanOrEqualTo(f.get("dashboard.latency.p99"));
        assertThat(f.get("dashboard.snapshots")).isPositive();
        assertThat(f.get("dashboard.fx.per_event")).isPositive();
        assertThat(f.get("dashboard.frames")).isPositive();
    }

    @Test
    void sseClientsReceiveTheIngestedMessages() throws Exception {
        Map<String, Double> f = run(SseFanoutScenario::main, "--smoke");
        assertThat(f.get("sse.clients.connected")).isEqualTo(20);
        assertThat(f.get("sse.messages.accepted")).isPositive();
        assertThat(f.get("sse.receipts")).isPositive();
        assertThat(f.get("sse.latency.p99")).isNotNegative();
    }

    @Test
    void multiNodeLoadDeliversWritesToClientsOnEveryNode() throws Exception {
        Map<String, Double> f = run(es.faro.bench.multinode.MultiNodeLoad::main, "--smoke");
        assertThat(f).containsKeys("commit_p99_ms", "event_to_client_p99_ms");
        assertThat(f.get("commit_p99_ms")).isPositive();
    }

    @Test
    void microbenchmarksPrintAScoreEach() throws Exception {
        Map<String, Double> f = run(MicroBenchmarks::main, "--smoke");
        assertThat(f).containsKeys("jmh.ConversationJsonBenchmark.read", "jmh.ConversationJsonBenchmark.write",
                "jmh.WebhookSignatureBenchmark.verify");
        assertThat(f.values()).allSatisfy(v -> assertThat(v).isPositive());
    }

    @FunctionalInterface
    interface Main {
        void run(String[] args) throws Exception;
    }

    /** Runs a scenario's main in a child JVM on this test's class path and reads its figures. */
    private static Map<String, Double> runInChild(Class<?> main, String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), main.getName()));
        command.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(stdout).isZero();
        return figures(stdout);
    }

    /** Runs a scenario main, parses its {@code name value unit} lines (every line must have that form). */
    private static Map<String, Double> run(Main main, String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            main.run(args);
        } finally {
            System.setOut(original);
        }
        return figures(buffer.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, Double> figures(String printed) {
        Map<String, Double> figures = new LinkedHashMap<>();
        for (String line : printed.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            assertThat(line).matches("[a-zA-Z0-9_.]+ -?[0-9]+(\\.[0-9]+)? \\S+");
            String[] parts = line.split(" ");
            figures.put(parts[0], Double.parseDouble(parts[1]));
        }
        assertThat(figures).isNotEmpty();
        return figures;
    }
}
