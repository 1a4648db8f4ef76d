package es.faro.server.channels.poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Channel;
import es.faro.server.accounts.ChannelAccounts;
import es.faro.server.accounts.ChannelAccounts.Account;
import es.faro.server.channels.AppStoreAdapter;
import es.faro.server.channels.ChannelAdapter;
import es.faro.server.channels.GooglePlayAdapter;
import es.faro.server.channels.InboundMessage;
import es.faro.server.channels.IngestService;
import es.faro.server.config.ServerConfig;
import es.faro.server.store.ScheduledJobs;
import es.faro.server.store.ScheduledJobs.Job;
import es.faro.server.store.Store;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Google Play and the App Store have no webhooks: the server polls their review APIs and passes
 * what it gets through the same ingest path as a webhook (same adapter, same dedupe by review id, an
 * edited review updates its message). Each polled brand account is one recurring shared job
 * ({@code poll:<channel>:<account>}), so with several nodes on one database one node polls it.
 * The base URL, credential and interval come from the account (admin API), else from
 * {@code channels.<channel>.poll.url|credentials|interval}; without a URL and an interval the
 * account is not polled.
 * <ul>
 *   <li>Google Play: {@code GET {url}/androidpublisher/v3/applications/{package}/reviews}, pages by
 *   {@code tokenPagination.nextPageToken};</li>
 *   <li>App Store: {@code GET {url}/v1/apps/{id}/customerReviews?sort=-createdDate}, pages by
 *   {@code links.next}.</li>
 * </ul>
 */
public final class ReviewPoller {
    public static final String JOB_KIND = "channels.poll";
    private static final Logger LOG = LoggerFactory.getLogger(ReviewPoller.class);
    private static final int MAX_PAGES = 10;
    private static final List<Channel> POLLED = List.of(Channel.GOOGLE_PLAY, Channel.APP_STORE);

    private final Store store;
    private final IngestService ingest;
    private final ServerConfig config;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Channel, ChannelAdapter> adapters = Map.of(Channel.GOOGLE_PLAY, new GooglePlayAdapter(),
            Channel.APP_STORE, new AppStoreAdapter());

    /** One account's resolved polling settings. */
    record Target(Account account, URI base, String credentials, Duration interval) {
    }

    public ReviewPoller(Store store, IngestService ingest, ServerConfig config, Clock clock) {
        this.store = store;
        this.ingest = ingest;
        this.config = config;
        this.clock = clock;
    }

    /** Makes sure every polled account has its recurring job (inserted once, whichever node comes first). */
    public void ensureJobs() {
        List<Target> targets = targets();
        Instant now = clock.instant();
        store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO scheduled_jobs (id, kind, due_at, payload)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                for (Target t : targets) {
                    ps.setString(1, jobId(t.account()));
                    ps.setString(2, JOB_KIND);
                    ps.setLong(3, now.toEpochMilli());
                    ps.setString(4, t.account().channel().name() + " " + t.account().accountId());
                    ps.executeUpdate();
                }
            }
            return null;
        }).join();
    }

    static String jobId(Account a) {
        return "poll:" + a.channel().wireName() + ":" + a.accountId();
    }

    List<Target> targets() {
        List<Target> result = new ArrayList<>();
        for (Account a : store.read(ChannelAccounts::list)) {
            target(a).ifPresent(result::add);
        }
        return result;
    }

    private Optional<Target> target(Account a) {
        if (!POLLED.contains(a.channel())) {
            return Optional.empty();
        }
        String prefix = "channels." + a.channel().wireName() + ".poll.";
        String url = a.pollUrl() != null ? a.pollUrl() : config.get(prefix + "url").orElse(null);
        Duration interval = a.pollInterval() != null ? a.pollInterval()
                : config.get(prefix + "interval").map(Duration::parse).orElse(null);
        if (url == null || interval == null) {
            return Optional.empty();
        }
        String credentials = a.pollCredentials() != null ? a.pollCredentials()
                : config.get(prefix + "credentials").orElse(null);
        return Optional.of(new Target(a, URI.create(url.endsWith("/") ? url : url + "/"), credentials, interval));
    }

    /** The job: poll one account now, ingest, and schedule its next poll (also after a failure). */
    public void run(Job job) {
        String[] parts = job.payload().split(" ", 2);
        Channel channel = Channel.valueOf(parts[0]);
        Optional<Target> target = store.read(c -> ChannelAccounts.find(c, channel, parts[1])).flatMap(this::target);
        if (target.isEmpty()) {
            return; // no longer polled: the job ends here
        }
        Target t = target.get();
        try {
            IngestService.Result r = poll(t);
            if (r.accepted() + r.updated() > 0) {
                LOG.info("polled {} {}: {} new, {} edited, {} already known", channel.wireName(),
                        t.account().accountId(), r.accepted(), r.updated(), r.duplicates());
            }
        } catch (Exception e) {
            // The credential is never logged; the URL is the network's public API address.
            LOG.warn("polling {} {} at {} failed: {}", channel.wireName(), t.account().accountId(), t.base(),
                    e.toString());
        } finally {
            Instant next = clock.instant().plus(t.interval());
            store.write(c -> {
                ScheduledJobs.schedule(c, job.id(), JOB_KIND, next, job.payload());
                return null;
            }).join();
        }
    }

    /** Fetches every page of the account's reviews and ingests them as one batch. */
    IngestService.Result poll(Target t) throws IOException, InterruptedException {
        Account a = t.account();
        String id = URLEncoder.encode(a.accountId(), StandardCharsets.UTF_8);
        URI uri = a.channel() == Channel.GOOGLE_PLAY
                ? t.base().resolve("androidpublisher/v3/applications/" + id + "/reviews")
                : t.base().resolve("v1/apps/" + id + "/customerReviews?sort=-createdDate");
        String arrayField = a.channel() == Channel.GOOGLE_PLAY ? "reviews" : "data";
        ArrayNode all = Json.MAPPER.createArrayNode();
        for (int page = 0; page < MAX_PAGES && uri != null; page++) {
            JsonNode body = get(uri, t.credentials());
            JsonNode items = body.path(arrayField);
            if (items.isArray()) {
                all.addAll((ArrayNode) items);
            }
            uri = next(a.channel(), body, uri, t);
        }
        ObjectNode combined = Json.MAPPER.createObjectNode();
        combined.set(arrayField, all);
        byte[] raw = Json.writeBytes(combined);
        List<InboundMessage> messages = adapters.get(a.channel()).parse(raw, Map.of("account", List.of(a.accountId())));
        return ingest.ingest(messages).join();
    }

    private static URI next(Channel channel, JsonNode body, URI current, Target t) {
        if (channel == Channel.GOOGLE_PLAY) {
            String token = body.path("tokenPagination").path("nextPageToken").asText("");
            if (token.isEmpty()) {
                return null;
            }
            String base = current.toString().split("\\?")[0];
            return URI.create(base + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        }
        String next = body.path("links").path("next").asText("");
        return next.isEmpty() ? null : t.base().resolve(next);
    }

    private JsonNode get(URI uri, String credentials) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json").GET();
        if (credentials != null) {
            b.header("Authorization", "Bearer " + credentials);
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode() + " from " + uri.getHost() + uri.getPath());
        }
        return Json.MAPPER.readTree(r.body());
    }
}
