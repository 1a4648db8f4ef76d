package es.faro.client.sync;

import com.fasterxml.jackson.core.type.TypeReference;
import es.faro.protocol.json.Json;
import es.faro.protocol.sla.BusinessCalendar;
import es.faro.protocol.sla.SlaPolicy;
import java.io.IOException;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The admin side of SLA configuration ({@code GET/PUT /api/v1/admin/sla-policies} and
 * {@code /api/v1/admin/calendars}, whole ordered lists) over the signed-in {@link ApiClient}.
 * Blocking calls: use them from background threads.
 */
public final class SlaAdminApi {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final TypeReference<List<SlaPolicy>> POLICIES = new TypeReference<>() { };
    private static final TypeReference<List<BusinessCalendar>> CALENDARS = new TypeReference<>() { };

    private final ApiClient api;

    public SlaAdminApi(ApiClient api) {
        this.api = api;
    }

    public List<SlaPolicy> policies() throws IOException, ApiException {
        return call(get("api/v1/admin/sla-policies"), POLICIES);
    }

    public List<BusinessCalendar> calendars() throws IOException, ApiException {
        return call(get("api/v1/admin/calendars"), CALENDARS);
    }

    /** Replaces the whole ordered list; answers the list as stored. */
    public List<SlaPolicy> savePolicies(List<SlaPolicy> policies) throws IOException, ApiException {
        return call(put("api/v1/admin/sla-policies", policies), POLICIES);
    }

    /** Replaces the whole list of calendars; answers the list as stored. */
    public List<BusinessCalendar> saveCalendars(List<BusinessCalendar> calendars) throws IOException, ApiException {
        return call(put("api/v1/admin/calendars", calendars), CALENDARS);
    }

    private Request get(String path) {
        return api.authorized(new Request.Builder().url(api.url(path)).get()).build();
    }

    private Request put(String path, Object body) {
        return api.authorized(new Request.Builder().url(api.url(path))
                .put(RequestBody.create(Json.writeBytes(body), JSON))).build();
    }

    private <T> T call(Request request, TypeReference<T> type) throws IOException, ApiException {
        return api.read(request, type);
    }

}
