package es.faro.client.sync;

import es.faro.protocol.json.Json;
import es.faro.protocol.model.Message;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

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
        return api.read(request, Message.class);
    }
}
