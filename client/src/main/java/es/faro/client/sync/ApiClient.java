package es.faro.client.sync;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.api.ApiError;
import es.faro.protocol.api.Bootstrap;
import es.faro.protocol.api.Changes;
import es.faro.protocol.api.LoginRequest;
import es.faro.protocol.api.LoginResponse;
import es.faro.protocol.api.PostMessageRequest;
import es.faro.protocol.api.PostMessageResponse;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Faro's REST API v1 over OkHttp. Blocking calls: use them from background threads. Network
 * failures surface as {@link IOException}, server refusals as {@link ApiException}.
 */
public final class ApiClient {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final HttpUrl base;
    private volatile String token;

    public ApiClient(URI serverUri, OkHttpClient http) {
        HttpUrl parsed = HttpUrl.get(serverUri.toString());
        this.base = parsed;
        this.http = http;
    }

    public static OkHttpClient defaultHttpClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .build();
    }

    public OkHttpClient http() {
        return http;
    }

    public HttpUrl base() {
        return base;
    }

    public String token() {
        return token;
    }

    public void useToken(String token) {
        this.token = token;
    }

    public LoginResponse login(String username, String password) throws IOException, ApiException {
        LoginResponse response = send(post("api/v1/auth/login", new LoginRequest(username, password), null),
                LoginResponse.class);
        useToken(response.token());
        return response;
    }

    /** Revokes this client's token on the server and forgets it. */
    public void logout() throws IOException, ApiException {
        Request request = post("api/v1/auth/logout", Json.MAPPER.createObjectNode(), null);
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful() && response.code() != 401) {
                ResponseBody body = response.body();
                throw new ApiException(response.code(), parseError(body == null ? new byte[0] : body.bytes()), response.message());
            }
        } finally {
            useToken(null);
        }
    }

    public Agent me() throws IOException, ApiException {
        return send(get(url("api/v1/me")), Agent.class);
    }

    public Bootstrap bootstrap(String pageToken) throws IOException, ApiException {
        HttpUrl.Builder url = url("api/v1/bootstrap").newBuilder();
        if (pageToken != null) {
            url.addQueryParameter("page", pageToken);
        }
        return send(get(url.build()), Bootstrap.class);
    }

    public Changes changes(long after, int limit) throws IOException, ApiException {
        HttpUrl url = url("api/v1/changes").newBuilder()
                .addQueryParameter("after", Long.toString(after))
                .addQueryParameter("limit", Integer.toString(limit))
                .build();
        return send(get(url), Changes.class);
    }

    public PostMessageResponse postMessage(String conversationId, String idempotencyKey, PostMessageRequest body)
            throws IOException, ApiException {
        return send(post("api/v1/conversations/" + conversationId + "/messages", body, idempotencyKey),
                PostMessageResponse.class);
    }

    /** A workflow action ({@code claim}, {@code assign}, {@code status}, {@code priority}, {@code labels}). */
    public Conversation action(String conversationId, String action, JsonNode body, String idempotencyKey)
            throws IOException, ApiException {
        return send(post("api/v1/conversations/" + conversationId + "/" + action, body, idempotencyKey),
                Conversation.class);
    }

    public Conversation conversation(String id) throws IOException, ApiException {
        return send(get(url("api/v1/conversations/" + id)), Conversation.class);
    }

    /** The thread, oldest first ({@code GET /api/v1/conversations/{id}/messages}). */
    public java.util.List<es.faro.protocol.model.Message> messages(String conversationId)
            throws IOException, ApiException {
        return java.util.List.of(send(get(url("api/v1/conversations/" + conversationId + "/messages")),
                es.faro.protocol.model.Message[].class));
    }

    HttpUrl url(String path) {
        return base.resolve("/" + path);
    }

    Request.Builder authorized(Request.Builder builder) {
        String t = token;
        return t == null ? builder : builder.header("Authorization", "Bearer " + t);
    }

    private Request get(HttpUrl url) {
        return authorized(new Request.Builder().url(url).get()).build();
    }

    private Request post(String path, Object body, String idempotencyKey) {
        Request.Builder b = authorized(new Request.Builder().url(url(path))
                .post(RequestBody.create(Json.writeBytes(body), JSON)));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return b.build();
    }

    private <T> T send(Request request, Class<T> type) throws IOException, ApiException {
        return read(request, type);
    }

    /**
     * Sends {@code request} and returns the answer's bytes (empty for a 204). Every API class of the
     * client goes through here, so a refusal is read the same way everywhere: an {@link ApiException}
     * with the server's {@code {"error":{"code","message"}}} when the body has that shape.
     */
    public byte[] answer(Request request) throws IOException, ApiException {
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            byte[] bytes = body == null ? new byte[0] : body.bytes();
            if (!response.isSuccessful()) {
                throw new ApiException(response.code(), parseError(bytes), response.message());
            }
            return bytes;
        }
    }

    /** As {@link #answer}, the answer read as {@code type}; null for an empty answer (204). */
    public <T> T read(Request request, Class<T> type) throws IOException, ApiException {
        return read(request, Json.MAPPER.constructType(type));
    }

    public <T> T read(Request request, com.fasterxml.jackson.core.type.TypeReference<T> type)
            throws IOException, ApiException {
        return read(request, Json.MAPPER.constructType(type));
    }

    public <T> T read(Request request, com.fasterxml.jackson.databind.JavaType type) throws IOException, ApiException {
        byte[] bytes = answer(request);
        if (bytes.length == 0) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(bytes, type);
        } catch (IOException | RuntimeException e) {
            throw new IOException("unreadable answer from the server for " + request.url().encodedPath(), e);
        }
    }

    private static ApiError parseError(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return Json.read(bytes, ApiError.class);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
