package es.faro.bench.ingest;

import es.faro.bench.Args;
import es.faro.bench.Figures;
import es.faro.bench.Stats;
import es.faro.bench.data.CacheFixture;
import es.faro.bench.data.ServerFixture;
import es.faro.bench.data.Webhooks;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 1: a real server (SQLite, WAL, synchronous=FULL) takes signed X webhooks over HTTP
 * from many concurrent senders; each is acknowledged only after its transaction committed (the
 * store's group commit). Then the same rows are inserted with plain sqlite-jdbc in one
 * transaction into a copy of the messages table, the ceiling the ingest path is compared with.
 */
public final class IngestScenario {
    private IngestScenario() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int total = args.integer("messages", 50_000, 500);
        int concurrency = args.integer("concurrency", 64, 8);
        int customers = args.integer("customers", 10_000, 100);
        Figures out = Figures.stdout();
        out.printLoad();
        Path dir = args.workDir("faro-bench-ingest");
        try (ServerFixture server = ServerFixture.start(dir.resolve("server"))) {
            Webhooks webhooks = new Webhooks(server.server().baseUri(), server.reference().brands(), 7, customers);
            // Bodies and signatures are built before the clock starts: the sender's own work is
            // not the server's, and both share the same two cores.
            List<HttpRequest> requests = new ArrayList<>(total);
            Instant at = Instant.now();
            for (int i = 0; i < total; i++) {
                requests.add(webhooks.tweet(i, at.plusMillis(i)));
            }
            HttpClient http = es.faro.bench.LoadClient.create();
            Stats latency = new Stats();
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            Semaphore window = new Semaphore(concurrency);
            CountDownLatch done = new CountDownLatch(total);
            long t0 = System.nanoTime();
            for (HttpRequest request : requests) {
                window.acquire();
                long sent = System.nanoTime();
                http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                    if (error == null && response.statusCode() / 100 == 2) {
                        ok.incrementAndGet();
                        latency.add((System.nanoTime() - sent) / 1e6);
                    } else {
                        failed.incrementAndGet();
                    }
                    window.release();
                    done.countDown();
                });
            }
            done.await();
            double seconds = (System.nanoTime() - t0) / 1e9;
            double ingestRate = ok.get() / seconds;
            out.print("ingest.messages", ok.get(), "messages");
            out.print("ingest.failed", failed.get(), "messages");
            out.print("ingest.concurrency", concurrency, "requests");
            out.print("ingest.rate", ingestRate, "messages/s");
            out.print("ingest.latency.p50", latency.percentile(50), "ms");
            out.print("ingest.latency.p99", latency.percentile(99), "ms");

            RawInsert.Result raw = RawInsert.copyMessages(dir.resolve("server").resolve("faro.db"),
                    dir.resolve("raw.db"));
            out.print("raw.rows", raw.rows(), "rows");
            out.print("raw.rate", raw.rowsPerSecond(), "rows/s");
            out.print("ingest.ratio", 100.0 * ingestRate / raw.rowsPerSecond(), "%");
        } finally {
            if (args.text("dir", null) == null) {
                CacheFixture.deleteQuietly(dir);
            }
        }
    }
}
