package es.faro.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.CuttingProxy;
import es.faro.server.support.NodeProcess;
import es.faro.server.support.Payloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Jepsen-style check of the client's durability: the real client sync stack ({@code HeadlessAgent}:
 * cache file, outbox, sync engine) runs in its own JVM as an agent against a real server process,
 * through a {@link CuttingProxy} that resets its connections (SSE stream and HTTP calls, mid-request
 * and mid-response) at random, while customer tweets arrive by webhook, a third of them twice. The
 * agent writes replies, notes, status and label changes as fast as it is given them and is killed
 * with SIGKILL at a random moment (now and then still starting up), then started again on the same
 * cache file, again and again. At the end a clean run settles (outbox empty, caught up) and the
 * checks compare what the agent was told was saved against the server's event log, event by event
 * ({@link LedgerCheck}), and the cache file against the server ({@link CacheCheck}).
 *
 * <p>Used by {@code ClientKillChaosTest} (a short run in CI) and {@code bench/run chaos-client} (the full run).
 */
public final class ClientKillChaos {
    private static final String AGENT = "ana";

    /** What a run did and found. */
    public record Result(int kills, int startupKills, long meanStartMillis, int cuts, int midTransferCuts, int changesSent, int changesSaved,
                         int webhooksAcked, int duplicatesSent, long events, int conversationsCompared,
                         int messagesCompared, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }

        @Override
        public String toString() {
            return "kills=" + kills + " (" + startupKills + " while starting; start to ready " + meanStartMillis
                    + " ms on average) cuts=" + cuts + " (" + midTransferCuts
                    + " mid-transfer) changes sent=" + changesSent + " saved=" + changesSaved + " webhooks acknowledged="
                    + webhooksAcked + " (duplicates sent " + duplicatesSent + ") events checked=" + events
                    + " cache compared: " + conversationsCompared + " conversations, " + messagesCompared + " messages"
                    + " problems=" + (problems.isEmpty() ? "0"
                    : problems.size() + " " + problems.subList(0, Math.min(5, problems.size())));
        }
    }

    private final Path dir;
    private final long seed;
    private final Random random;

    public ClientKillChaos(Path dir, long seed) {
        this.dir = dir;
        this.seed = seed;
        this.random = new Random(seed);
    }

    public Result run(int kills) throws Exception {
        Files.createDirectories(dir);
        Path cacheFolder = Files.createDirectories(dir.resolve("cache"));
        Path agentLog = dir.resolve("agent.log");
        try (NodeProcess node = NodeProcess.launch("chaos-client", "jdbc:sqlite:" + dir.resolve("server.db"), Map.of())
                .awaitHealthy(Duration.ofMinutes(3));
             CuttingProxy proxy = new CuttingProxy(node.base(), seed, 0.3);
             WebhookTraffic webhooks = new WebhookTraffic(node.base(), seed + 1)) {
            ApiClient api = new ApiClient(node.base());
            String token = api.login(AGENT);
            Map<String, Boolean> seeds = new LinkedHashMap<>();
            List<String> conversations = seedConversations(api, token, seeds);
            ChangeLedger ledger = new ChangeLedger(conversations, labels(api, token), new Random(random.nextLong()));
            webhooks.start();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicBoolean cutting = new AtomicBoolean();
            Thread cutter = new Thread(() -> cutAtRandom(proxy, running, cutting, new Random(random.nextLong())),
                    "chaos-cutter");
            cutter.setDaemon(true);
            cutter.start();

            int startupKills = 0;
            int started = 0;
            long startupNanos = 0;
            for (int k = 0; k < kills; k++) {
                ledger.newRun();
                AgentProcess agent = AgentProcess.launch(proxy.uri(), AGENT, token, cacheFolder, agentLog, ledger::saved);
                if (k > 0 && random.nextInt(5) == 0) {
                    // Killed while starting: signing in, opening the cache, bootstrapping or catching up.
                    Thread.sleep(300 + random.nextInt(1_200));
                    startupKills++;
                } else {
                    long launched = System.nanoTime();
                    agent.await("ready", Duration.ofMinutes(2));
                    startupNanos += System.nanoTime() - launched;
                    started++;
                    cutting.set(true);
                    long until = System.nanoTime() + Duration.ofMillis(100 + random.nextInt(700)).toNanos();
                    // An agent works about as fast as the screen confirms: a few changes ahead at most.
                    while (System.nanoTime() < until) {
                        if (ledger.unsavedInRun() < 3 && !agent.send(ledger.next().line())) {
                            break;
                        }
                        Thread.sleep(1 + random.nextInt(10));
                    }
                }
                agent.kill();
                cutting.set(false);
            }
            running.set(false);
            cutter.join();
            proxy.cutting(0);
            webhooks.stopAndDrain();
            awaitQuiet(api, token);

            ledger.newRun();
            try (AgentProcess agent = AgentProcess.launch(proxy.uri(), AGENT, token, cacheFolder, agentLog, ledger::saved)) {
                agent.await("ready", Duration.ofMinutes(2));
                agent.send("settle");
                agent.await("settled", Duration.ofMinutes(3));
            }
            awaitQuiet(api, token);

            EventHistory history = EventHistory.read(api, token);
            List<String> problems = new ArrayList<>(history.problems);
            Map<String, Boolean> tweets = new LinkedHashMap<>(seeds);
            tweets.putAll(webhooks.tweets());
            problems.addAll(new LedgerCheck().check(ledger.all(), tweets, history));
            CacheCheck cacheCheck = new CacheCheck();
            problems.addAll(cacheCheck.check(cacheFile(cacheFolder), api, token, history));
            int acked = (int) tweets.values().stream().filter(Boolean::booleanValue).count();
            return new Result(kills, startupKills, started == 0 ? 0 : startupNanos / started / 1_000_000, proxy.cuts(), proxy.midTransferCuts(), ledger.all().size(),
                    ledger.acknowledged(), acked, webhooks.duplicatesSent(), history.events,
                    cacheCheck.conversations(), cacheCheck.messages(), List.copyOf(problems));
        }
    }

    /** The agent's conversations: a few customers no webhook traffic writes to. */
    private List<String> seedConversations(ApiClient api, String token, Map<String, Boolean> seeds) {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = "chaos-seed-" + i;
            batch.add(Payloads.tweet(id, "chaos-agent-customer-" + i, "necesito ayuda " + i, null));
            seeds.put(id, true);
        }
        byte[] body = Payloads.tweets(Payloads.ORANGE_X, batch);
        ApiClient.Reply r = api.postRaw("/api/v1/channels/twitter/webhook", null, body, ApiClient.JSON,
                Payloads.twitterSignature(body));
        if (r.status() != 200) {
            throw new IllegalStateException("seeding: " + r.status() + " " + r.text());
        }
        List<String> ids = new ArrayList<>();
        api.get("/api/v1/conversations?limit=6", token).json().path("items").forEach(c -> ids.add(c.get("id").asText()));
        if (ids.size() != 6) {
            throw new IllegalStateException("seeding: " + ids.size() + " conversations");
        }
        return ids;
    }

    private static List<String> labels(ApiClient api, String token) {
        List<String> ids = new ArrayList<>();
        for (JsonNode l : api.get("/api/v1/bootstrap", token).json().at("/reference/labels")) {
            if (ids.size() < 3) {
                ids.add(l.get("id").asText());
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("the server has no labels to set");
        }
        return ids;
    }

    /** Live connections (the event stream, calls in flight) are cut while the agent works. */
    private static void cutAtRandom(CuttingProxy proxy, AtomicBoolean running, AtomicBoolean cutting, Random r) {
        while (running.get()) {
            try {
                Thread.sleep(50 + r.nextInt(300));
            } catch (InterruptedException e) {
                return;
            }
            if (cutting.get()) {
                proxy.cutRandomConnection();
            }
        }
    }

    /** Waits until the server's log has been still for a while (deliveries and timers done). */
    private static void awaitQuiet(ApiClient api, String token) throws InterruptedException {
        long cursor = 0;
        long stillSince = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode page = api.get("/api/v1/changes?after=" + cursor + "&limit=5000", token).json();
            if (!page.path("events").isEmpty()) {
                cursor = page.path("last").asLong();
                stillSince = System.nanoTime();
                continue;
            }
            if (System.nanoTime() - stillSince > Duration.ofMillis(1_500).toNanos()) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private static Path cacheFile(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> dbs = files.filter(p -> p.getFileName().toString().endsWith(".db")).toList();
            if (dbs.size() != 1) {
                throw new IllegalStateException("expected one cache file in " + folder + ": " + dbs);
            }
            return dbs.get(0);
        }
    }
}
