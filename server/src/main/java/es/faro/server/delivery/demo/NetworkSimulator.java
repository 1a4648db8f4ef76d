package es.faro.server.delivery.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The social networks in demo mode: a loopback HTTP server answering the same API calls the
 * connectors make (X, Meta, Google Play, App Store Connect, Khoros) in each network's shape, so a
 * demo reply travels the real delivery path. Now and then the first attempt of a reply meets a
 * realistic transient failure (503 or 429 with Retry-After) and the retry succeeds; a repeated
 * delivery key gets the first answer again, as an idempotent API would.
 */
public final class NetworkSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkSimulator.class);
    private static final int MAX_BODY = 256 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final double failureRate;
    private final Random random;
    private final AtomicLong ids = new AtomicLong(1_900_000_000_000_000_000L);
    private final Map<String, String> answered = new ConcurrentHashMap<>();
    private final Map<String, Boolean> failedOnce = new ConcurrentHashMap<>();
    private final java.util.Deque<Object[]> failNext = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private volatile es.faro.server.channels.demo.DemoProfiles profiles;

    private NetworkSimulator(HttpServer server, ExecutorService executor, double failureRate, long seed) {
        this.server = server;
        this.executor = executor;
        this.failureRate = failureRate;
        this.random = new Random(seed);
    }

    /** Starts on a free loopback port; {@code failureRate} of first attempts fail transiently. */
    public static NetworkSimulator start(double failureRate, long seed) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "faro-network-simulator");
                t.setDaemon(true);
                return t;
            });
            NetworkSimulator sim = new NetworkSimulator(http, executor, failureRate, seed);
            http.createContext("/", sim::handle);
            http.setExecutor(executor);
            http.start();
            LOG.info("network simulator listening on {}", sim.baseUrl());
            return sim;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the network simulator", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Configuration that points every channel's connector at this simulator. */
    public Map<String, String> deliveryOverrides() {
        Map<String, String> overrides = new HashMap<>();
        for (Channel c : Channel.values()) {
            overrides.put("delivery." + c.wireName() + ".url", baseUrl());
        }
        overrides.put("delivery.backoff.base", "PT1S");
        return overrides;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw;
            try (InputStream in = exchange.getRequestBody()) {
                raw = in.readNBytes(MAX_BODY);
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String path = exchange.getRequestURI().getRawPath();
            if ("GET".equals(exchange.getRequestMethod()) && profiles != null) {
                profile(exchange, path, exchange.getRequestURI().getRawQuery());
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, Map.of("error", Map.of("message", "method not allowed")));
                return;
            }
            Object[] forced = failNext.poll();
            if (forced != null) {
                send(exchange, (Integer) forced[0], Map.of("error", Map.of("message", forced[1])));
                return;
            }
            if (key != null && answered.containsKey(key)) {
                sendRaw(exchange, 200, answered.get(key));
                return;
            }
            if (key != null && failedOnce.putIfAbsent(key, Boolean.TRUE) == null && nextDouble() < failureRate) {
                if (nextDouble() < 0.5) {
                    exchange.getResponseHeaders().add("Retry-After", "2");
                    send(exchange, 429, Map.of("title", "Too Many Requests", "detail", "Rate limit exceeded"));
                } else {
                    send(exchange, 503, Map.of("error", Map.of("message", "Service temporarily unavailable")));
                }
                return;
            }
            JsonNode body;
            try {
                body = Json.MAPPER.readTree(raw);
            } catch (IOException e) {
                send(exchange, 400, Map.of("error", Map.of("message", "invalid JSON")));
                return;
            }
            Object answer = answer(path, body == null ? Json.MAPPER.createObjectNode() : body);
            if (answer == null) {
                send(exchange, 404, Map.of("error", Map.of("message", "unknown endpoint " + path)));
                return;
            }
            String json = Json.write(answer);
            if (key != null) {
                answered.put(key, json);
            }
            sendRaw(exchange, path.equals("/2/tweets") || path.startsWith("/2/dm_conversations/")
                    || path.equals("/v1/customerReviewResponses") ? 201 : 200, json);
        }
    }

    /** Answers Graph API profile lookups ({@code GET /{id}?fields=...}) with these customers. */
    public void profiles(es.faro.server.channels.demo.DemoProfiles known) {
        this.profiles = known;
    }

    /** Meta's User Profile API shape: first and last name for Messenger, name and username for Instagram. */
    private void profile(HttpExchange exchange, String path, String query) throws IOException {
        String id = path.startsWith("/") ? path.substring(1) : path;
        var found = profiles.byFacebookId(java.net.URLDecoder.decode(id, java.nio.charset.StandardCharsets.UTF_8));
        if (found.isEmpty()) {
            send(exchange, 404, Map.of("error", Map.of("message", "Unsupported get request. Object with ID '"
                    + id + "' does not exist", "type", "GraphMethodException", "code", 100)));
            return;
        }
        String name = found.get().name();
        Map<String, Object> body = new LinkedHashMap<>();
        if (query != null && query.contains("first_name")) {
            int space = name.indexOf(' ');
            body.put("first_name", space < 0 ? name : name.substring(0, space));
            body.put("last_name", space < 0 ? "" : name.substring(space + 1));
        } else {
            body.put("name", name);
            body.put("username", found.get().handle());
        }
        body.put("id", id);
        send(exchange, 200, body);
    }

    /** The next {@code count} calls fail with {@code status} and the network's {@code message} (demos, tests). */
    public void failNext(int count, int status, String message) {
        for (int i = 0; i < count; i++) {
            failNext.add(new Object[] {status, message});
        }
    }

    private synchronized double nextDouble() {
        return random.nextDouble();
    }

    private Object answer(String path, JsonNode body) {
        String id = Long.toString(ids.incrementAndGet());
        if (path.equals("/2/tweets")) {
            return Map.of("data", Map.of("id", id, "text", body.path("text").asText()));
        }
        if (path.startsWith("/2/dm_conversations/with/") && path.endsWith("/messages")) {
            return Map.of("data", Map.of("dm_conversation_id", "dm-" + id, "dm_event_id", id));
        }
        if (path.endsWith("/comments") || path.endsWith("/replies")) {
            return Map.of("id", id + "_" + Long.toHexString(Long.parseLong(id) % 1_000_000));
        }
        if (path.equals("/me/messages")) {
            return Map.of("recipient_id", body.at("/recipient/id").asText(), "message_id", "mid.$" + id);
        }
        if (path.startsWith("/androidpublisher/v3/applications/") && path.endsWith(":reply")) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("replyText", body.path("replyText").asText());
            result.put("lastEdited", Map.of("seconds", Long.toString(System.currentTimeMillis() / 1000), "nanos", 0));
            return Map.of("result", result);
        }
        if (path.equals("/v1/customerReviewResponses")) {
            return Map.of("data", Map.of("type", "customerReviewResponses", "id", "00000" + id,
                    "attributes", Map.of("responseBody", body.at("/data/attributes/responseBody").asText(),
                            "state", "PENDING_PUBLISH")));
        }
        if (path.equals("/api/2.0/messages")) {
            return Map.of("status", "success", "data", Map.of("type", "message", "id", id,
                    "view_href", "https://comunidad.example.com/t5/m-p/" + id));
        }
        return null;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        sendRaw(exchange, status, Json.write(body));
    }

    private static void sendRaw(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
