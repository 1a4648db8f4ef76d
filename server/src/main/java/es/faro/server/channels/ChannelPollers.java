package es.faro.server.channels;

import es.faro.server.config.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Networks without webhooks (the own community, forum feeds) are polled: every interval the
 * account's URL is fetched and its body goes through the channel's adapter and the one ingest path,
 * where an item already stored is a duplicate (its kudos and views are refreshed). Configured per
 * channel as {@code channels.<channel>.poll = ACCOUNT URL [INTERVAL]; ...} (interval ISO-8601,
 * default {@link #DEFAULT_INTERVAL}).
 */
public final class ChannelPollers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelPollers.class);
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

    /** One polled account. */
    public record Target(ChannelAdapter adapter, String account, URI url, Duration interval) {
    }

    private final ScheduledExecutorService executor;
    private final HttpClient http;
    private final IngestService ingest;
    private final List<Target> targets;
    private final AtomicLong polls = new AtomicLong();

    private ChannelPollers(List<Target> targets, IngestService ingest) {
        this.targets = List.copyOf(targets);
        this.ingest = ingest;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faro-channel-poller");
            t.setDaemon(true);
            return t;
        });
    }

    /** The targets configured for {@code adapters}' channels (none is fine). */
    public static List<Target> targets(ServerConfig config, List<ChannelAdapter> adapters) {
        List<Target> out = new ArrayList<>();
        for (ChannelAdapter adapter : adapters) {
            String key = "channels." + adapter.channel().wireName() + ".poll";
            String value = config.get(key).orElse("").trim();
            if (value.isEmpty()) {
                continue;
            }
            for (String entry : value.split(";")) {
                String[] parts = entry.trim().split("\\s+");
                if (parts.length < 2 || parts.length > 3) {
                    throw new IllegalArgumentException(key + ": each entry is ACCOUNT URL [INTERVAL], not " + entry);
                }
                Duration interval = DEFAULT_INTERVAL;
                if (parts.length == 3) {
                    try {
                        interval = Duration.parse(parts[2]);
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException(key + ": " + parts[2] + " is not an ISO-8601 duration");
                    }
                    if (interval.isNegative() || interval.isZero()) {
                        throw new IllegalArgumentException(key + ": the interval must be positive");
                    }
                }
                URI url = URI.create(parts[1]);
                if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                    throw new IllegalArgumentException(key + ": " + parts[1] + " is not an http(s) URL");
                }
                out.add(new Target(adapter, parts[0], url, interval));
            }
        }
        return out;
    }

    /** Starts polling every target (first poll right away). */
    public static ChannelPollers start(List<Target> targets, IngestService ingest) {
        ChannelPollers p = new ChannelPollers(targets, ingest);
        for (Target t : p.targets) {
            p.executor.scheduleWithFixedDelay(() -> p.poll(t), 0, t.interval().toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("polling {} account {} every {}", t.adapter().channel().wireName(), t.account(), t.interval());
        }
        return p;
    }

    /** Polls finished so far (successful or not). */
    public long polls() {
        return polls.get();
    }

    /** One fetch and ingest; failures are logged and the next interval tries again. */
    void poll(Target t) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(t.url()).timeout(Duration.ofSeconds(30))
                    .header("Accept", t.adapter().jsonPayload() ? "application/json"
                            : "application/atom+xml, application/rss+xml, application/xml")
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                LOG.warn("polling {} account {}: HTTP {}", t.adapter().channel().wireName(), t.account(),
                        response.statusCode());
                return;
            }
            List<InboundMessage> messages = t.adapter().parse(response.body(), Map.of("account", List.of(t.account())));
            IngestService.Result r = ingest.ingest(messages).join();
            LOG.debug("polled {} account {}: {} new, {} already known", t.adapter().channel().wireName(),
                    t.account(), r.accepted(), r.duplicates());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.warn("polling {} account {} failed: {}", t.adapter().channel().wireName(), t.account(), e.toString());
        } finally {
            polls.incrementAndGet();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
