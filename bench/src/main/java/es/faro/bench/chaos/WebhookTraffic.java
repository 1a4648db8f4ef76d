package es.faro.bench.chaos;

import es.faro.server.support.Payloads;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Customer tweets through the signed X webhook while the agent works, about a third of them
 * delivered twice (as the networks do after a timeout). Customers here are not the agent's: their
 * conversations reach the agent's cache through the stream, but do not move the versions the agent's
 * status and label changes are based on.
 */
final class WebhookTraffic implements AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json");

    private final URI server;
    private final Random random;
    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    /** tweet id → acknowledged with 200. */
    private final Map<String, Boolean> tweets = new ConcurrentHashMap<>();
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private volatile boolean running = true;
    private final Thread thread;

    WebhookTraffic(URI server, long seed) {
        this.server = server;
        this.random = new Random(seed);
        this.thread = new Thread(this::loop, "chaos-webhooks");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        long n = 0;
        while (running) {
            String id = "chaos-wh-" + (++n);
            byte[] body = Payloads.tweets(Payloads.ORANGE_X,
                    Payloads.tweet(id, "chaos-customer-" + random.nextInt(30), "mensaje " + id, null));
            bodies.put(id, body);
            tweets.put(id, post(body));
            if (random.nextInt(3) == 0) {
                duplicates.incrementAndGet();
                post(body);
            }
            pause(100 + random.nextInt(300));
        }
    }

    boolean post(byte[] body) {
        Request request = new Request.Builder().url(server.resolve("/api/v1/channels/twitter/webhook").toString())
                .headers(Headers.of(Payloads.twitterSignature(body))).post(RequestBody.create(body, JSON)).build();
        try (Response r = http.newCall(request).execute()) {
            return r.code() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops, then delivers again what was not acknowledged (same ids) until it is. */
    void stopAndDrain() throws InterruptedException {
        running = false;
        thread.join();
        for (Map.Entry<String, Boolean> t : tweets.entrySet()) {
            for (int attempt = 0; !t.getValue() && attempt < 50; attempt++) {
                t.setValue(post(bodies.get(t.getKey())));
                if (!t.getValue()) {
                    pause(100);
                }
            }
        }
    }

    /** tweet id → acknowledged. */
    Map<String, Boolean> tweets() {
        return Map.copyOf(tweets);
    }

    int duplicatesSent() {
        return duplicates.get();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
