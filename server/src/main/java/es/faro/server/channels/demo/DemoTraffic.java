package es.faro.server.channels.demo;

import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Channel;
import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo traffic simulator: invented customers writing to the brands on X, Facebook and Google
 * Play, delivered through the server's real signed webhook path over HTTP, so a demo exercises ingest,
 * routing, SLA clocks and the live stream exactly as production traffic would. A burst right after
 * {@link #start()} fills a fresh workstation; then messages arrive at random (Poisson) at the
 * configured rate. When the server is unreachable the pending message is retried with backoff.
 */
public final class DemoTraffic implements AutoCloseable {
    static final int BURST = 40;
    private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);
    private static final long FIRST_RETRY_MILLIS = 1_000;
    private static final long MAX_RETRY_MILLIS = 30_000;

    private final Map<Channel, String> secrets;
    private final TrafficScript script;
    private final Arrivals arrivals;
    private final WebhookPoster poster;
    private final double messagesPerMinute;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile Thread worker;

    public DemoTraffic(URI serverBaseUri, Map<Channel, String> webhookSecrets, List<Brand> brands,
                       double messagesPerMinute, long seed) {
        this(serverBaseUri, webhookSecrets, brands, messagesPerMinute, seed, TrafficCorpus.load(), Clock.systemUTC());
    }

    DemoTraffic(URI serverBaseUri, Map<Channel, String> webhookSecrets, List<Brand> brands,
                double messagesPerMinute, long seed, TrafficCorpus corpus, Clock clock) {
        this.secrets = new EnumMap<>(Channel.class);
        webhookSecrets.forEach((channel, secret) -> {
            if (secret != null && !secret.isBlank()) {
                secrets.put(channel, secret);
            }
        });
        this.script = new TrafficScript(corpus, brands, secrets.keySet(), seed, clock);
        this.arrivals = new Arrivals(messagesPerMinute, new Random(seed * 31 + 7));
        this.poster = new WebhookPoster(serverBaseUri);
        this.messagesPerMinute = messagesPerMinute;
    }

    /** Starts sending on a daemon thread; a second call does nothing. */
    public void start() {
        if (closed.getCount() == 0 || !started.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(this::run, "faro-demo-traffic");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
        LOG.info("Demo traffic started: {} messages a minute on {}", messagesPerMinute, script.channels());
    }

    /** Stops the simulator promptly (an in-flight delivery is cancelled); safe to call more than once. */
    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        closed.countDown();
        poster.cancel();
        Thread thread = worker;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            for (int sent = 0; !isClosed(); sent++) {
                if (sent >= BURST && pause(arrivals.nextGapMillis())) {
                    return;
                }
                deliver(signed(script.next()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Demo traffic stopped by an unexpected error", e);
        }
    }

    /** Delivers one message, retrying with backoff while the server is down; gives up only on a 4xx or close. */
    private void deliver(SignedWebhook webhook) throws InterruptedException {
        long backoff = FIRST_RETRY_MILLIS;
        while (!isClosed()) {
            WebhookPoster.Result result = poster.post(webhook);
            switch (result.outcome()) {
                case ACCEPTED -> {
                    return;
                }
                case REJECTED -> {
                    LOG.warn("Demo traffic: {} webhook rejected ({}); message dropped", webhook.channel(),
                            result.detail());
                    return;
                }
                case RETRY -> {
                    if (isClosed()) {
                        return;
                    }
                    LOG.warn("Demo traffic: {} webhook failed ({}); retrying in {} s", webhook.channel(),
                            result.detail(), backoff / 1000);
                    if (pause(backoff)) {
                        return;
                    }
                    backoff = Math.min(backoff * 2, MAX_RETRY_MILLIS);
                }
            }
        }
    }

    SignedWebhook signed(DemoMessage message) {
        String secret = secrets.get(message.channel());
        return switch (message.channel()) {
            case TWITTER -> TwitterWebhook.of(message, secret);
            case FACEBOOK -> MetaWebhook.of(message, secret);
            case GOOGLE_PLAY -> GooglePlayWebhook.of(message, secret);
            default -> throw new IllegalStateException("no demo payload for " + message.channel());
        };
    }

    /** Waits, returning true at once when the simulator is closed meanwhile. */
    private boolean pause(long millis) throws InterruptedException {
        return closed.await(millis, TimeUnit.MILLISECONDS);
    }

    private boolean isClosed() {
        return closed.getCount() == 0;
    }
}
