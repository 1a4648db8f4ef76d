package es.faro.client.sync;

import es.faro.protocol.api.ApiError;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Message;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** {@link DeliveryCommands} over the REST API: {@code POST …/messages/{id}/retry} and {@code …/posted}. */
public final class DeliveryApi implements DeliveryCommands {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final ApiClient api;

    public DeliveryApi(ApiClient api) {
        this.api = api;
    }

    @Override
    public Message retry(String conversationId, String messageId) throws IOException, ApiException {
        return post(conversationId, messageId, "retry", Map.of());
    }

    @Override
    public Message markPosted(String conversationId, String messageId, String url) throws IOException, ApiException {
        Map<String, Object> body = new HashMap<>();
        if (url != null && !url.isBlank()) {
            body.put("url", url.trim());
        }
        return post(conversationId, messageId, "posted", body);
    }

    private Message post(String conversationId, String messageId, String action, Object body)
            throws IOException, ApiException {
        Request request = api.authorized(new Request.Builder()
                .url(api.url("api/v1/conversations/" + conversationId + "/messages/" + messageId + "/" + action))
                .post(RequestBody.create(Json.writeBytes(body), JSON))).build();
        try (Response response = api.http().newCall(request).execute()) {
            ResponseBody rb = response.body();
            byte[] bytes = rb == null ? new byte[0] : rb.bytes();
            if (!response.isSuccessful()) {
                ApiError error = null;
                try {
                    error = bytes.length == 0 ? null : Json.read(bytes, ApiError.class);
                } catch (RuntimeException e) {
                    // not our error shape: the status says enough
                }
                throw new ApiException(response.code(), error, response.message());
            }
            return Json.read(bytes, Message.class);
        }
    }
}
