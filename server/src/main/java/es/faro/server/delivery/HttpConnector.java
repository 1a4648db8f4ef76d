package es.faro.server.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.json.Json;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The HTTP part every API connector shares: POST a JSON body with the account's bearer token and the
 * delivery key ({@code Idempotency-Key}, the same on every attempt of a message), then classify the
 * answer: 2xx sent (the subclass reads the network's id), 408/425/429/5xx and I/O failures transient,
 * other 4xx permanent with the network's own error text.
 */
abstract class HttpConnector implements Connector {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final int MAX_REASON = 300;

    private final OkHttpClient http;

    HttpConnector(OkHttpClient http) {
        this.http = http;
    }

    /** POSTs {@code body} to {@code endpoint.url(path)}; {@code sent} reads the 2xx answer into an outcome. */
    Outcome post(Endpoint endpoint, String path, Object body, String deliveryKey, Function<JsonNode, Outcome> sent) {
        Request.Builder b = new Request.Builder().url(endpoint.url(path))
                .post(RequestBody.create(Json.writeBytes(body), JSON))
                .header("Idempotency-Key", deliveryKey)
                .header("Accept", "application/json");
        if (endpoint.token() != null) {
            b.header("Authorization", "Bearer " + endpoint.token());
        }
        Request request;
        try {
            request = b.build();
        } catch (IllegalArgumentException e) {
            return new Outcome.Permanent("the " + channel().wireName() + " endpoint is not a valid URL");
        }
        try (Response r = http.newCall(request).execute()) {
            ResponseBody rb = r.body();
            String text = rb == null ? "" : rb.string();
            if (r.isSuccessful()) {
                JsonNode json = parse(text);
                return sent.apply(json == null ? Json.MAPPER.createObjectNode() : json);
            }
            String reason = "HTTP " + r.code() + reason(text);
            int code = r.code();
            if (code == 408 || code == 425 || code == 429 || code >= 500) {
                return new Outcome.Transient(reason, retryAfter(r.header("Retry-After")));
            }
            return new Outcome.Permanent(reason);
        } catch (InterruptedIOException e) {
            return new Outcome.Transient("timed out waiting for " + channel().wireName(), null);
        } catch (IOException e) {
            return new Outcome.Transient("could not reach " + channel().wireName() + ": " + e.getClass().getSimpleName(), null);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    /** The network's own words from its error body, in the shapes the networks use. */
    static String reason(String text) {
        JsonNode json = parse(text);
        if (json == null) {
            return "";
        }
        String found = first(json.at("/error/message"), json.at("/detail"), json.at("/errors/0/detail"),
                json.at("/errors/0/message"), json.at("/error_description"), json.at("/title"),
                json.at("/error"), json.at("/message"));
        if (found == null) {
            return "";
        }
        return ": " + (found.length() > MAX_REASON ? found.substring(0, MAX_REASON) + "…" : found);
    }

    private static String first(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            if (n != null && n.isTextual() && !n.asText().isBlank()) {
                return n.asText();
            }
        }
        return null;
    }

    private static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null; // an HTTP date: fall back to our own backoff
        }
    }

    /** The text of {@code field} or null. */
    static String text(JsonNode node, String pointer) {
        JsonNode v = node.at(pointer);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    /** A 2xx without the id we need is still sent (the network took it); the id stays unknown. */
    static Outcome sentWith(String id, String link) {
        return new Outcome.Sent(id == null || id.isBlank() ? null : id, link);
    }

    static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
