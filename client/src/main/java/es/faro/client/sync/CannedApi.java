package es.faro.client.sync;

import es.faro.protocol.api.CannedResponseRequest;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.CannedResponse;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Canned response edits and counted uses. Reads go through the cache (the server's events bring
 * every change), so this has only writes; each call blocks: run it on a background executor.
 */
public final class CannedApi {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String BASE = "api/v1/canned-responses";

    private final ApiClient api;

    public CannedApi(ApiClient api) {
        this.api = api;
    }

    public CannedResponse create(CannedResponseRequest request) throws IOException, ApiException {
        return send(api.authorized(new Request.Builder().url(api.url(BASE))
                .post(RequestBody.create(Json.writeBytes(request), JSON))).build());
    }

    public CannedResponse update(String id, CannedResponseRequest request) throws IOException, ApiException {
        return send(api.authorized(new Request.Builder().url(api.url(BASE + "/" + id))
                .put(RequestBody.create(Json.writeBytes(request), JSON))).build());
    }

    public void delete(String id) throws IOException, ApiException {
        send(api.authorized(new Request.Builder().url(api.url(BASE + "/" + id)).delete()).build());
    }

    public CannedResponse used(String id) throws IOException, ApiException {
        return send(api.authorized(new Request.Builder().url(api.url(BASE + "/" + id + "/used"))
                .post(RequestBody.create(new byte[0], JSON))).build());
    }

    private CannedResponse send(Request request) throws IOException, ApiException {
        return api.read(request, CannedResponse.class);
    }
}
