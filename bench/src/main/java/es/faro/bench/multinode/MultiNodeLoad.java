package es.faro.bench.multinode;

import es.faro.server.support.ApiClient;
import es.faro.server.support.NodeProcess;
import es.faro.server.support.Payloads;
import es.faro.server.support.PgTestDatabase;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * Load scenario for the scale-out set-up: N server processes on one PostgreSQL schema, C SSE clients
 * spread round-robin over the nodes, W signed webhook writes a second spread over the nodes.
 *
 * <p>Prints {@code name value unit} lines: {@code writes_per_s} (acknowledged writes a second in the
 * measured window; ticks finding {@code inflight} writes outstanding are shed and counted),
 * {@code commit_p99_ms} (webhook request to its 200, which the
 * server sends only after the commit), {@code event_to_client_p99_ms} (webhook request sent to the
 * message's event received by a client, over every client that received it), the achieved
 * {@code writes_per_s}, {@code clients}, {@code nodes} and the counts behind them.
 *
 * <p>Run (from the repo root, after {@code mvn -o -q -B test-compile -pl server -am}):
 * <pre>
 * mvn -o -q dependency:build-classpath -pl server -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp server/target/test-classes:server/target/classes:$(cat /tmp/cp.txt) \
 *     es.faro.server.bench.MultiNodeLoad nodes=3 clients=500 rate=500 seconds=30
 * </pre>
 * The store is a fresh schema in {@code FARO_TEST_PG_URL} (default the local PostgreSQL), dropped after.
 */
public final class MultiNodeLoad {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String MARK = "load#";

    private MultiNodeLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>(Map.of("nodes", "3", "clients", "500", "rate", "500",
                "seconds", "30", "warmup", "10", "inflight", "64"));
        for (String a : args) {
            if (a.equals("--smoke")) {
                // Keeps the scenario working in CI: two nodes, a few clients, a few seconds.
                opts.putAll(Map.of("nodes", "2", "clients", "10", "rate", "20", "seconds", "3", "warmup", "1"));
                continue;
            }
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            opts.put(kv[0], kv[1]);
        }
        int nodeCount = Integer.parseInt(opts.get("nodes"));
        int clientCount = Integer.parseInt(opts.get("clients"));
        int rate = Integer.parseInt(opts.get("rate"));
        int seconds = Integer.parseInt(opts.get("seconds"));
        int warmup = Integer.parseInt(opts.get("warmup"));
        int inflight = Integer.parseInt(opts.get("inflight"));

        try (PgTestDatabase db = PgTestDatabase.create()) {
            List<NodeProcess> nodes = new CopyOnWriteArrayList<>();
            Thread cleanup = new Thread(() -> nodes.forEach(NodeProcess::close), "load-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup); // an interrupted run leaves no nodes behind
            try {
                for (int i = 0; i < nodeCount; i++) {
                    nodes.add(NodeProcess.launch("n" + i, db.url(), Map.of("store.pool.size", "8",
                            "sse.heartbeat", "PT15S"), List.of("-Xmx512m")));
                }
                nodes.forEach(n -> n.awaitHealthy(Duration.ofSeconds(90)));
                run(nodes.stream().map(NodeProcess::base).toList(), clientCount, rate, seconds, warmup, inflight);
            } finally {
                nodes.forEach(NodeProcess::close);
            }
        }
    }

    /**
     * {@code inflight} bounds the writes awaiting their answer: a tick that finds them all busy is
     * counted as shed instead of opening yet another connection, so an overloaded machine shows up as a
     * lower achieved rate rather than as an ever-growing queue in the load generator itself.
     */
    private static void run(List<URI> nodes, int clientCount, int rate, int seconds, int warmup, int inflight)
            throws Exception {
        Dispatcher dispatcher = new Dispatcher(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "load-http");
            t.setDaemon(true);
            return t;
        }));
        dispatcher.setMaxRequests(clientCount + 2_000);
        dispatcher.setMaxRequestsPerHost(clientCount + 2_000);
        OkHttpClient http = new OkHttpClient.Builder().dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(200, 1, TimeUnit.MINUTES))
                .readTimeout(Duration.ofSeconds(60)).build();

        // Half the clients are ana (Orange, Jazztel), half pablo (Amena, Simyo, República): each write
        // goes to an Orange or an Amena account, so it reaches the half of the clients that serve it.
        Map<String, String> tokens = new HashMap<>();
        ApiClient first = new ApiClient(nodes.get(0));
        tokens.put("ana", first.login("ana"));
        tokens.put("pablo", first.login("pablo"));

        Map<Long, Long> sentAt = new ConcurrentHashMap<>();
        LatencyLog delivery = new LatencyLog(16_000_000);
        LatencyLog commits = new LatencyLog(1_000_000);
        AtomicLong received = new AtomicLong();
        CountDownLatch open = new CountDownLatch(clientCount);
        List<EventSource> sources = new ArrayList<>();
        for (int i = 0; i < clientCount; i++) {
            String token = tokens.get(i % 2 == 0 ? "ana" : "pablo");
            Request req = new Request.Builder().url(nodes.get(i % nodes.size()).resolve("/api/v1/events").toString())
                    .header("Authorization", "Bearer " + token).build();
            sources.add(EventSources.createFactory(http).newEventSource(req, new EventSourceListener() {
                @Override
                public void onOpen(EventSource s, Response r) {
                    open.countDown();
                }

                @Override
                public void onEvent(EventSource s, String id, String type, String data) {
                    long now = System.nanoTime();
                    int at = data.indexOf(MARK);
                    if (at < 0 || !type.equals("message.upserted")) {
                        return;
                    }
                    int end = at + MARK.length();
                    while (end < data.length() && Character.isDigit(data.charAt(end))) {
                        end++;
                    }
                    Long sent = sentAt.get(Long.parseLong(data.substring(at + MARK.length(), end)));
                    if (sent != null && sent > 0) {
                        delivery.add(now - sent);
                        received.incrementAndGet();
                    }
                }
            }));
        }
        if (!open.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException((open.getCount()) + " SSE clients did not connect");
        }

        AtomicLong seq = new AtomicLong();
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong measuredWrites = new AtomicLong();
        AtomicLong measuredAcks = new AtomicLong();
        AtomicLong shed = new AtomicLong();
        Semaphore slots = new Semaphore(inflight);
        long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        ticker.scheduleAtFixedRate(() -> {
            boolean measured = System.nanoTime() >= measureFrom;
            if (!slots.tryAcquire()) {
                if (measured) {
                    shed.incrementAndGet();
                }
                return;
            }
            long n = seq.incrementAndGet();
            String account = n % 2 == 0 ? Payloads.ORANGE_X : Payloads.AMENA_X;
            String user = "load-user-" + (n % 2_000);
            byte[] body = Payloads.tweets(account, Payloads.tweet("load-" + n, user, "Consulta " + MARK + n, null));
            Request req = new Request.Builder()
                    .url(nodes.get((int) (n % nodes.size())).resolve("/api/v1/channels/twitter/webhook").toString())
                    .headers(okhttp3.Headers.of(Payloads.twitterSignature(body)))
                    .post(RequestBody.create(body, JSON)).build();
            long start = System.nanoTime();
            sentAt.put(n, measured ? start : -1L);
            if (measured) {
                measuredWrites.incrementAndGet();
            }
            http.newCall(req).enqueue(new Callback() {
                @Override
                public void onResponse(Call call, Response response) {
                    slots.release();
                    try (response) {
                        if (response.code() == 200) {
                            acked.incrementAndGet();
                            if (measured) {
                                commits.add(System.nanoTime() - start);
                                measuredAcks.incrementAndGet();
                            }
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                }

                @Override
                public void onFailure(Call call, IOException e) {
                    slots.release();
                    failed.incrementAndGet();
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);

        Thread.sleep(TimeUnit.SECONDS.toMillis(warmup + seconds));
        ticker.shutdownNow();
        Thread.sleep(5_000); // let the last writes commit and reach every client
        sources.forEach(EventSource::cancel);

        double writesPerSecond = measuredAcks.get() / (double) seconds;
        long expectedDeliveries = measuredWrites.get() * (clientCount / 2);
        print("nodes", nodes.size(), "nodes");
        print("clients", clientCount, "clients");
        print("writes_offered_per_s", rate, "writes/s");
        print("writes_per_s", Math.round(writesPerSecond), "writes/s");
        print("writes_shed", shed.get(), "writes");
        print("writes_acknowledged", acked.get(), "writes");
        print("writes_failed", failed.get(), "writes");
        print("commit_p50_ms", commits.percentileMillis(50), "ms");
        print("commit_p99_ms", commits.percentileMillis(99), "ms");
        print("event_to_client_p50_ms", delivery.percentileMillis(50), "ms");
        print("event_to_client_p99_ms", delivery.percentileMillis(99), "ms");
        print("deliveries_measured", delivery.size(), "events");
        print("deliveries_expected", expectedDeliveries, "events");
        http.dispatcher().executorService().shutdownNow();
    }

    @SuppressWarnings("java:S106") // the figures are this tool's output
    private static void print(String name, Object value, String unit) {
        System.out.println(name + " " + value + " " + unit);
    }

    /** Fixed-capacity latency samples in nanoseconds (lock-free appends). */
    private static final class LatencyLog {
        private final AtomicLongArray samples;
        private final AtomicLong count = new AtomicLong();

        LatencyLog(int capacity) {
            samples = new AtomicLongArray(capacity);
        }

        void add(long nanos) {
            long i = count.getAndIncrement();
            if (i < samples.length()) {
                samples.set((int) i, nanos);
            }
        }

        long size() {
            return Math.min(count.get(), samples.length());
        }

        String percentileMillis(double p) {
            int n = (int) size();
            if (n == 0) {
                return "NaN";
            }
            long[] sorted = new long[n];
            for (int i = 0; i < n; i++) {
                sorted[i] = samples.get(i);
            }
            Arrays.sort(sorted);
            int index = (int) Math.min(n - 1, Math.ceil(p / 100.0 * n) - 1);
            return String.format(java.util.Locale.ROOT, "%.1f", sorted[Math.max(0, index)] / 1e6);
        }
    }
}
