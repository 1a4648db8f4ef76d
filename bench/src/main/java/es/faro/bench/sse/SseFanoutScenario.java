package es.faro.bench.sse;

import es.faro.bench.Args;
import es.faro.bench.Figures;
import es.faro.bench.Stats;
import es.faro.bench.data.CacheFixture;
import es.faro.bench.data.ServerFixture;
import es.faro.bench.data.Webhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 6: one server node, N dashboards on its SSE stream ({@code /api/v1/events}), while
 * signed webhooks bring 200 messages a second: the delay from each message's timestamp (set when
 * its webhook is posted) to its arrival at each dashboard, so ingest, commit and fan-out are all
 * inside the figure. Clients and server share this machine's cores.
 */
public final class SseFanoutScenario {
    private SseFanoutScenario() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int clients = args.integer("clients", 500, 20);
        double rate = args.decimal("rate", 200, 50);
        int seconds = args.integer("seconds", 30, 3);
        Figures out = Figures.stdout();
        out.printLoad();
        Path dir = args.workDir("faro-bench-sse");
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        try (ServerFixture server = ServerFixture.start(dir.resolve("server"))) {
            URI base = server.server().baseUri();
            HttpClient http = es.faro.bench.LoadClient.create();
            Stats latency = new Stats();
            AtomicLong received = new AtomicLong();
            CountDownLatch connected = new CountDownLatch(clients);
            HttpRequest stream = HttpRequest.newBuilder(base.resolve("/api/v1/events?access_token=" + server.token()))
                    .header("Accept", "text/event-stream").GET().build();
            for (int i = 0; i < clients; i++) {
                http.sendAsync(stream, HttpResponse.BodyHandlers.fromLineSubscriber(
                        new SseClient(latency, connected, received)));
            }
            boolean all = connected.await(120, TimeUnit.SECONDS);
            out.print("sse.clients.connected", clients - connected.getCount(), "clients");
            if (!all) {
                throw new IllegalStateException("only " + (clients - connected.getCount()) + " of " + clients
                        + " event streams opened");
            }

            Webhooks webhooks = new Webhooks(base, server.reference().brands(), 11, 5_000);
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger sent = new AtomicInteger();
            int total = (int) (rate * seconds);
            CountDownLatch done = new CountDownLatch(total);
            sender.scheduleAtFixedRate(() -> {
                int n = sent.getAndIncrement();
                if (n >= total) {
                    return;
                }
                http.sendAsync(webhooks.tweet(n, Instant.now()), HttpResponse.BodyHandlers.discarding())
                        .whenComplete((r, e) -> {
                            if (e == null && r.statusCode() / 100 == 2) {
                                accepted.incrementAndGet();
                            }
                            done.countDown();
                        });
            }, 0, (long) (1_000_000 / rate), TimeUnit.MICROSECONDS);
            done.await(seconds + 120L, TimeUnit.SECONDS);
            long expected = (long) accepted.get() * clients;
            // Let the last events reach every client.
            long until = System.nanoTime() + 10_000_000_000L;
            while (received.get() < expected && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            out.print("sse.messages.accepted", accepted.get(), "messages");
            out.print("sse.ingest.rate", accepted.get() / (double) seconds, "messages/s");
            out.print("sse.receipts", received.get(), "events");
            out.print("sse.receipts.expected", expected, "events");
            out.print("sse.latency.p50", latency.percentile(50), "ms");
            out.print("sse.latency.p99", latency.percentile(99), "ms");
            out.print("sse.latency.max", latency.max(), "ms");
        } finally {
            sender.shutdownNow();
            if (args.text("dir", null) == null) {
                CacheFixture.deleteQuietly(dir);
            }
        }
    }
}
