package es.faro.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import es.faro.protocol.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A thin OkHttp client for the tests: every call returns status, headers and parsed JSON. */
public final class ApiClient {
    public static final MediaType JSON = MediaType.get("application/json");

    private final URI base;
    private final OkHttpClient http = new OkHttpClient.Builder()
            .readTimeout(Duration.ofSeconds(30))
            .build();

    public ApiClient(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public OkHttpClient http() {
        return http;
    }

    /** A response: status, body text, parsed JSON (MissingNode when not JSON). */
    public record Reply(int status, String text, JsonNode json, Headers headers) {
        public JsonNode at(String pointer) {
            return json.at(pointer);
        }

        public String errorCode() {
            return json.at("/error/code").asText();
        }
    }

    public Reply get(String path, String token) {
        return call(builder(path, token, Map.of()).get().build());
    }

    public Reply post(String path, String token, Object body) {
        return post(path, token, body, Map.of());
    }

    public Reply post(String path, String token, Object body, Map<String, String> headers) {
        byte[] bytes = body instanceof String s ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                : body instanceof byte[] b ? b : Json.writeBytes(body);
        return call(builder(path, token, headers).post(RequestBody.create(bytes, JSON)).build());
    }

    public Reply postRaw(String path, String token, byte[] body, MediaType type, Map<String, String> headers) {
        return call(builder(path, token, headers).post(RequestBody.create(body, type)).build());
    }

    public Request.Builder builder(String path, String token, Map<String, String> headers) {
        Request.Builder b = new Request.Builder().url(base.resolve(path).toString());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        return b;
    }

    public Reply call(Request request) {
        try (Response r = http.newCall(request).execute()) {
            String text = r.body().string();
            JsonNode json;
            try {
                json = text.isEmpty() ? MissingNode.getInstance() : Json.MAPPER.readTree(text);
            } catch (IOException e) {
                json = MissingNode.getInstance();
            }
            return new Reply(r.code(), text, json, r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String login(String username) {
        Reply r = post("/api/v1/auth/login", null, Map.of("username", username, "password", "faro-demo"));
        if (r.status() != 200) {
            throw new IllegalStateException("login failed: " + r.text());
        }
        return r.at("/token").asText();
    }
}
