package es.faro.client.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import es.faro.client.sync.ApiClient;
import es.faro.protocol.api.LoginResponse;
import es.faro.protocol.channel.Signatures;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Channel;
import es.faro.server.embedded.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A real Faro server on 127.0.0.1 (the embedded one, on a temp SQLite file) and what tests do to it
 * from outside: sign in, and post customer tweets through the signed X webhook as the network would.
 */
public final class LiveServer implements AutoCloseable {
    /** The X webhook secret of the bundled demo configuration (config/server.properties). */
    public static final String TWITTER_SECRET = "demo-twitter-secret";
    private static final AtomicLong TWEET_IDS = new AtomicLong(System.currentTimeMillis() * 1000);

    private final Path dataDir;
    private EmbeddedServer server;
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();

    public LiveServer(Path dataDir) {
        this.dataDir = dataDir;
        start();
    }

    public void start() {
        server = EmbeddedServer.start(new EmbeddedServer.Options(dataDir, 0, false, 0));
    }

    public void stop() {
        server.close();
    }

    /** The simulated networks answer the next {@code count} replies with {@code status} and {@code message}. */
    public void failNextDeliveries(int count, int status, String message) {
        server.failNextDeliveries(count, status, message);
    }

    /** Starts the server again on the port it had (after {@link #stop()}), so clients find it where it was. */
    public void restartOnSamePort(int port) {
        server = EmbeddedServer.start(new EmbeddedServer.Options(dataDir, port, false, 0));
    }

    public URI uri() {
        return server.baseUri();
    }

    public ApiClient api() {
        return new ApiClient(uri(), ApiClient.defaultHttpClient());
    }

    public ApiClient signedIn(String username) throws Exception {
        ApiClient api = api();
        LoginResponse login = api.login(username, "faro-demo");
        if (login.token() == null) {
            throw new IllegalStateException("no token");
        }
        return api;
    }

    /** The X account id of a brand, read from the server's own reference data. */
    public String twitterAccountOf(String brandId) throws Exception {
        for (Brand b : signedIn("lucia").bootstrap(null).reference().brands()) {
            if (b.id().equals(brandId)) {
                return b.account(Channel.TWITTER).orElseThrow().id();
            }
        }
        throw new IllegalArgumentException("no brand " + brandId);
    }

    /** Posts one customer tweet mentioning the brand; returns the tweet id. */
    public String tweet(String brandAccountId, String customerId, String customerName, String text) throws IOException {
        String id = Long.toString(TWEET_IDS.incrementAndGet());
        ObjectNode payload = Json.MAPPER.createObjectNode();
        payload.put("for_user_id", brandAccountId);
        ArrayNode events = payload.putArray("tweet_create_events");
        ObjectNode tweet = events.addObject();
        tweet.put("id_str", id);
        tweet.put("text", text);
        tweet.put("timestamp_ms", Long.toString(Instant.now().toEpochMilli()));
        ObjectNode user = tweet.putObject("user");
        user.put("id_str", customerId);
        user.put("name", customerName);
        user.put("screen_name", customerName.toLowerCase().replace(' ', '_'));
        user.put("followers_count", 120);
        byte[] body = Json.writeBytes(payload);
        Request request = new Request.Builder()
                .url(uri().resolve("/api/v1/channels/twitter/webhook").toString())
                .header(Signatures.TWITTER_HEADER, Signatures.base64Header(TWITTER_SECRET, body))
                .post(RequestBody.create(body, MediaType.get("application/json")))
                .build();
        try (Response r = http.newCall(request).execute()) {
            if (r.code() != 200) {
                throw new IOException("webhook refused: " + r.code() + " " + r.body().string());
            }
        }
        return id;
    }

    /** The server's thread of a conversation, as a lead sees it. */
    public JsonNode messages(String conversationId) throws Exception {
        ApiClient lead = signedIn("lucia");
        Request request = new Request.Builder()
                .url(uri().resolve("/api/v1/conversations/" + conversationId + "/messages").toString())
                .header("Authorization", "Bearer " + lead.token())
                .build();
        try (Response r = http.newCall(request).execute()) {
            return Json.read(r.body().bytes(), JsonNode.class);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
