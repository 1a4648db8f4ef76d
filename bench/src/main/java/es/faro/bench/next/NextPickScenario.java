package es.faro.bench.next;

import es.faro.bench.Args;
import es.faro.bench.Figures;
import es.faro.bench.Stats;
import es.faro.bench.data.ServerFixture;
import es.faro.bench.data.Webhooks;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.QueuesApi;
import es.faro.protocol.model.Conversation;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Next (pull assignment) with many conversations waiting: N tweets from N customers make N
 * unassigned conversations, then the admin (no capacity limit, every brand) claims K of them one
 * after another through the real HTTP API. Each claim reads the soonest-due waiting conversations
 * from the {@code pick_due_at} index and takes the first one, so its time should not grow with N.
 * Prints the claim latency percentiles.
 */
public final class NextPickScenario {
    private NextPickScenario() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int waiting = args.integer("conversations", 5_000, 300);
        int claims = args.integer("claims", 200, 30);
        Figures out = Figures.stdout();
        out.printLoad();
        Path dir = args.workDir("faro-bench-next");
        try (ServerFixture server = ServerFixture.start(dir.resolve("server"))) {
            // Many more customers than tweets: nearly every tweet opens a conversation of its own.
            Webhooks webhooks = new Webhooks(server.server().baseUri(), server.reference().brands(), 7, waiting * 20);
            HttpClient http = es.faro.bench.LoadClient.create();
            Instant at = Instant.now();
            AtomicInteger failed = new AtomicInteger();
            Semaphore window = new Semaphore(16);
            CountDownLatch sent = new CountDownLatch(waiting);
            for (int i = 0; i < waiting; i++) {
                window.acquire();
                http.sendAsync(webhooks.tweet(i, at.plusMillis(i)), HttpResponse.BodyHandlers.discarding())
                        .whenComplete((r, e) -> {
                            if (e != null || r.statusCode() / 100 != 2) {
                                failed.incrementAndGet();
                            }
                            window.release();
                            sent.countDown();
                        });
            }
            sent.await();
            ApiClient admin = new ApiClient(server.server().baseUri(), ApiClient.defaultHttpClient());
            admin.login("admin", ServerFixture.PASSWORD);
            QueuesApi queues = new QueuesApi(admin);
            out.print("next.tweets", waiting - failed.get(), "messages");
            out.print("next.ingest.failed", failed.get(), "messages");
            Stats latency = new Stats();
            int claimed = 0;
            for (int i = 0; i < claims; i++) {
                long t0 = System.nanoTime();
                Optional<Conversation> got = queues.next(null);
                latency.add((System.nanoTime() - t0) / 1e6);
                if (got.isPresent()) {
                    claimed++;
                }
            }
            out.print("next.claims", claimed, "conversations");
            out.print("next.latency.p50", latency.percentile(50), "ms");
            out.print("next.latency.p95", latency.percentile(95), "ms");
            out.print("next.latency.max", latency.max(), "ms");
        }
    }
}
