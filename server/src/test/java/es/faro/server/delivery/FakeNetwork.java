package es.faro.server.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * The networks in tests: a real local HTTP server (OkHttp MockWebServer) that records every request
 * and answers in each network's shape with a fresh id, or with a failure queued on demand.
 */
final class FakeNetwork implements AutoCloseable {
    /** A request as received: method, path, headers we care about and the JSON body. */
    record Received(String method, String path, String idempotencyKey, String authorization, JsonNode body) {
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Received> received = new ArrayList<>();
    private final Deque<MockResponse> failures = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong(9_000_000_000L);
    private long delayNextMillis;

    FakeNetwork() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL to configure as {@code delivery.<channel>.url}. */
    String url() {
        String u = server.url("/").toString();
        return u.substring(0, u.length() - 1);
    }

    /** The next {@code count} requests fail with {@code status} and the network's error {@code message}. */
    synchronized void failNext(int count, int status, String message) {
        failNext(count, status, message, null);
    }

    /** As {@link #failNext(int, int, String)}, saying when to come back ({@code Retry-After} in seconds). */
    synchronized void failNext(int count, int status, String message, Integer retryAfterSeconds) {
        for (int i = 0; i < count; i++) {
            MockResponse.Builder b = new MockResponse.Builder().code(status)
                    .setHeader("Content-Type", "application/json")
                    .body(Json.write(Map.of("error", Map.of("message", message, "code", status))));
            if (retryAfterSeconds != null) {
                b.setHeader("Retry-After", retryAfterSeconds.toString());
            }
            failures.add(b.build());
        }
    }

    /** The next answer comes only after {@code millis} (a slow network: the caller may die meanwhile). */
    synchronized void delayNext(long millis) {
        delayNextMillis = millis;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    synchronized List<Received> receivedWithKey(String key) {
        return received.stream().filter(r -> key.equals(r.idempotencyKey())).toList();
    }

    private synchronized MockResponse answer(RecordedRequest r) {
        JsonNode body;
        try {
            body = r.getBody() == null || r.getBody().size() == 0 ? null : Json.MAPPER.readTree(r.getBody().utf8());
        } catch (IOException e) {
            body = null;
        }
        String path = r.getUrl().encodedPath();
        received.add(new Received(r.getMethod(), path, r.getHeaders().get("Idempotency-Key"),
                r.getHeaders().get("Authorization"), body));
        if (!failures.isEmpty()) {
            return failures.poll();
        }
        String id = Long.toString(ids.incrementAndGet());
        Object answer;
        int code = 200;
        if (path.equals("/2/tweets")) {
            code = 201;
            answer = Map.of("data", Map.of("id", id, "text", body.path("text").asText()));
        } else if (path.startsWith("/2/dm_conversations/with/")) {
            code = 201;
            answer = Map.of("data", Map.of("dm_conversation_id", "dmc-" + id, "dm_event_id", id));
        } else if (path.endsWith("/comments") || path.endsWith("/replies")) {
            answer = Map.of("id", id);
        } else if (path.equals("/me/messages")) {
            answer = Map.of("recipient_id", body.at("/recipient/id").asText(), "message_id", "mid." + id);
        } else if (path.startsWith("/androidpublisher/v3/applications/") && path.endsWith(":reply")) {
            answer = Map.of("result", Map.of("replyText", body.path("replyText").asText(),
                    "lastEdited", Map.of("seconds", id, "nanos", 0)));
        } else if (path.equals("/v1/customerReviewResponses")) {
            code = 201;
            answer = Map.of("data", Map.of("type", "customerReviewResponses", "id", "rr-" + id,
                    "attributes", Map.of("responseBody", body.at("/data/attributes/responseBody").asText(),
                            "state", "PENDING_PUBLISH")));
        } else if (path.equals("/api/2.0/messages")) {
            answer = Map.of("status", "success", "data", Map.of("type", "message", "id", id,
                    "view_href", "https://comunidad.example/t5/m/" + id));
        } else {
            return new MockResponse.Builder().code(404).body("{\"error\":{\"message\":\"no such endpoint\"}}").build();
        }
        MockResponse.Builder b = new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(Json.write(answer));
        if (delayNextMillis > 0) {
            b.headersDelay(delayNextMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            delayNextMillis = 0;
        }
        return b.build();
    }

    @Override
    public void close() {
        server.close();
    }
}
