package es.faro.client.sync;

import es.faro.client.metrics.HourlyVolume;
import es.faro.client.metrics.ResponseHistogram;
import es.faro.protocol.metrics.LiveMetrics;
import es.faro.protocol.metrics.SlaReport;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The analytics side of REST API v1 ({@code /api/v1/metrics/...}) over the signed-in
 * {@link ApiClient}'s connection and token. A server that does not offer an endpoint (404: an older
 * server) answers {@link Optional#empty()}, which the dashboard shows as "no data yet", never as
 * zeros. Blocking calls: use them from background threads.
 */
public final class MetricsApi {
    private final ApiClient api;

    public MetricsApi(ApiClient api) {
        this.api = api;
    }

    /** {@code GET /api/v1/metrics/live}: the server's live picture, including the staffing forecast. */
    public Optional<LiveMetrics> live() throws IOException, ApiException {
        return get(api.url("api/v1/metrics/live"), LiveMetrics.class);
    }

    /** {@code GET /api/v1/metrics/sla?from=&to=&groupBy=}: service level per group over [from, to). */
    public Optional<SlaReport> sla(Instant from, Instant to, String groupBy) throws IOException, ApiException {
        return get(window("api/v1/metrics/sla", from, to).addQueryParameter("groupBy", groupBy).build(),
                SlaReport.class);
    }

    /** {@code GET /api/v1/metrics/volume?from=&to=&groupBy=hour&by=brand}: inbound per hour and brand. */
    public Optional<HourlyVolume> volumeByHour(Instant from, Instant to) throws IOException, ApiException {
        return get(window("api/v1/metrics/volume", from, to).addQueryParameter("groupBy", "hour")
                .addQueryParameter("by", "brand").build(), HourlyVolume.class);
    }

    /** {@code GET /api/v1/metrics/first-response?from=&to=}: the first-response time distribution. */
    public Optional<ResponseHistogram> firstResponseHistogram(Instant from, Instant to)
            throws IOException, ApiException {
        return get(window("api/v1/metrics/first-response", from, to).build(), ResponseHistogram.class);
    }

    /** {@code GET /api/v1/metrics/csat?from=&to=&groupBy=}: CSAT and survey response rate over [from, to). */
    public Optional<es.faro.protocol.metrics.CsatReport> csat(Instant from, Instant to, String groupBy)
            throws IOException, ApiException {
        return get(window("api/v1/metrics/csat", from, to).addQueryParameter("groupBy", groupBy).build(),
                es.faro.protocol.metrics.CsatReport.class);
    }

    private HttpUrl.Builder window(String path, Instant from, Instant to) {
        return api.url(path).newBuilder()
                .addQueryParameter("from", from.toString())
                .addQueryParameter("to", to.toString());
    }

    private <T> Optional<T> get(HttpUrl url, Class<T> type) throws IOException, ApiException {
        Request request = api.authorized(new Request.Builder().url(url).get()).build();
        try {
            return Optional.ofNullable(api.read(request, type));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty(); // an older server without this figure
            }
            throw e;
        }
    }

}
