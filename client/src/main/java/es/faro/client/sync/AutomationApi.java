package es.faro.client.sync;

import com.fasterxml.jackson.core.type.TypeReference;
import es.faro.protocol.automation.AutomationRule;
import es.faro.protocol.automation.CustomerProfile;
import es.faro.protocol.automation.LabelSuggestion;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.ConversationPresence;
import es.faro.protocol.model.Customer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The automation side of REST API v1 (presence leases, label suggestions, customer profiles and
 * merges, automation rules) over the signed-in {@link ApiClient}'s connection and token. Blocking
 * calls: use them from background threads.
 */
public final class AutomationApi {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final ApiClient api;

    public AutomationApi(ApiClient api) {
        this.api = api;
    }

    /** Sets this agent's viewing/typing leases on a conversation; returns everyone's live leases. */
    public ConversationPresence presence(String conversationId, boolean viewing, boolean typing)
            throws IOException, ApiException {
        return send(post("api/v1/conversations/" + conversationId + "/presence",
                Map.of("viewing", viewing, "typing", typing)), new TypeReference<>() { });
    }

    public LabelSuggestion suggestions(String conversationId) throws IOException, ApiException {
        return send(get(api.url("api/v1/conversations/" + conversationId + "/suggestions")), new TypeReference<>() { });
    }

    public CustomerProfile customer(String customerId) throws IOException, ApiException {
        return send(get(api.url("api/v1/customers/" + customerId)), new TypeReference<>() { });
    }

    public List<Customer> searchCustomers(String q) throws IOException, ApiException {
        HttpUrl url = api.url("api/v1/customers").newBuilder().addQueryParameter("q", q).build();
        return send(get(url), new TypeReference<>() { });
    }

    public CustomerProfile merge(String customerId, String otherId) throws IOException, ApiException {
        return send(post("api/v1/customers/" + customerId + "/merge", Map.of("with", otherId)),
                new TypeReference<>() { });
    }

    public CustomerProfile undoMerge(String mergeId) throws IOException, ApiException {
        return send(post("api/v1/customers/merges/" + mergeId + "/undo", Map.of()), new TypeReference<>() { });
    }

    public List<AutomationRule> rules() throws IOException, ApiException {
        return send(get(api.url("api/v1/admin/rules")), new TypeReference<>() { });
    }

    public AutomationRule createRule(AutomationRule rule) throws IOException, ApiException {
        return send(post("api/v1/admin/rules", rule), new TypeReference<>() { });
    }

    public AutomationRule updateRule(AutomationRule rule) throws IOException, ApiException {
        Request request = api.authorized(new Request.Builder().url(api.url("api/v1/admin/rules/" + rule.id()))
                .put(RequestBody.create(Json.writeBytes(rule), JSON))).build();
        return send(request, new TypeReference<>() { });
    }

    public void deleteRule(String id) throws IOException, ApiException {
        Request request = api.authorized(new Request.Builder().url(api.url("api/v1/admin/rules/" + id)).delete())
                .build();
        api.answer(request);
    }

    private Request get(HttpUrl url) {
        return api.authorized(new Request.Builder().url(url).get()).build();
    }

    private Request post(String path, Object body) {
        return api.authorized(new Request.Builder().url(api.url(path))
                .post(RequestBody.create(Json.writeBytes(body), JSON))).build();
    }

    private <T> T send(Request request, TypeReference<T> type) throws IOException, ApiException {
        return api.read(request, type);
    }

}
