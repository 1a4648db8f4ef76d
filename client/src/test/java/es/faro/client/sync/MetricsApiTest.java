package es.faro.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import es.faro.client.metrics.HourlyVolume;
import es.faro.client.metrics.ResponseHistogram;
import es.faro.client.support.LiveServer;
import es.faro.client.support.StubMetricsServer;
import es.faro.protocol.json.Json;
import es.faro.protocol.metrics.ServiceLevel;
import es.faro.protocol.metrics.SlaReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics calls over real HTTP: what they ask for, how they read the answer, and 404 as "no data yet". */
class MetricsApiTest {
    static final Instant FROM = Instant.parse("2026-11-25T23:00:00Z");
    static final Instant TO = Instant.parse("2026-11-26T23:00:00Z");

    StubMetricsServer server;
    MetricsApi metrics;

    @BeforeEach
    void setUp() throws Exception {
        server = new StubMetricsServer();
        ApiClient api = new ApiClient(server.uri(), ApiClient.defaultHttpClient());
        api.useToken("t-123");
        metrics = new MetricsApi(api);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void readsAnSlaReportAskingForTheWindowAndGroupingWithTheToken() throws Exception {
        SlaReport report = new SlaReport(FROM, TO, "hour", List.of(
                new SlaReport.Row("2026-11-26T08:00:00Z", ServiceLevel.of(5, 1, 0), 7, Duration.ofMinutes(42))),
                ServiceLevel.of(5, 1, 0));
        server.answer("/api/v1/metrics/sla", 200, Json.write(report));

        assertThat(metrics.sla(FROM, TO, "hour")).contains(report);
        StubMetricsServer.Seen seen = server.seen().get(0);
        assertThat(seen.query()).isEqualTo("from=2026-11-25T23:00:00Z&to=2026-11-26T23:00:00Z&groupBy=hour");
        assertThat(seen.authorization()).isEqualTo("Bearer t-123");
    }

    @Test
    void readsVolumeAndHistogramInTheDocumentedShapes() throws Exception {
        server.answer("/api/v1/metrics/volume", 200, """
                {"from":"2026-11-25T23:00:00Z","to":"2026-11-26T23:00:00Z","groupBy":"hour","by":"brand",
                 "buckets":[{"start":"2026-11-26T08:00:00Z","end":"2026-11-26T09:00:00Z","total":14,
                             "counts":{"orange":12,"jazztel":2}}]}""");
        server.answer("/api/v1/metrics/first-response", 200, """
                {"from":"2026-11-25T23:00:00Z","to":"2026-11-26T23:00:00Z","answered":7,"median":"PT12M",
                 "buckets":[{"lower":"PT0S","upper":"PT15M","count":4},{"lower":"PT15M","upper":"PT1H","count":2},
                            {"lower":"PT1H","upper":null,"count":1}]}""");

        assertThat(metrics.volumeByHour(FROM, TO).orElseThrow().buckets()).containsExactly(
                new HourlyVolume.Bucket(Instant.parse("2026-11-26T08:00:00Z"), Instant.parse("2026-11-26T09:00:00Z"),
                        14, java.util.Map.of("orange", 12, "jazztel", 2)));
        ResponseHistogram histogram = metrics.firstResponseHistogram(FROM, TO).orElseThrow();
        assertThat(histogram.buckets()).containsExactly(
                new ResponseHistogram.Bucket(Duration.ZERO, Duration.ofMinutes(15), 4),
                new ResponseHistogram.Bucket(Duration.ofMinutes(15), Duration.ofHours(1), 2),
                new ResponseHistogram.Bucket(Duration.ofHours(1), null, 1));
        assertThat(histogram.total()).isEqualTo(7);
        assertThat(histogram.median()).isEqualTo(Duration.ofMinutes(12));
        assertThat(server.seen().get(0).query()).endsWith("&groupBy=hour&by=brand");
    }

    @Test
    void anEndpointTheServerDoesNotOfferIsNoDataAndAnErrorIsAnError() throws Exception {
        assertThat(metrics.live()).isEmpty();
        assertThat(metrics.volumeByHour(FROM, TO)).isEmpty();
        server.answer("/api/v1/metrics/live", 500, "{\"error\":{\"code\":\"internal\",\"message\":\"boom\"}}");
        assertThatThrownBy(() -> metrics.live()).isInstanceOf(ApiException.class).hasMessageContaining("internal");
    }

    @Test
    void theRealServerAnswersWithAReportOrNotAtAllButNeverAnError(@TempDir Path dir) throws Exception {
        try (LiveServer live = new LiveServer(dir)) {
            MetricsApi real = new MetricsApi(live.signedIn("lucia"));
            Optional<SlaReport> report = real.sla(FROM, TO, "hour");
            report.ifPresent(r -> assertThat(r.groupBy()).isEqualTo("hour"));
            Optional<es.faro.protocol.metrics.LiveMetrics> liveMetrics = real.live();
            liveMetrics.ifPresent(m -> assertThat(m.serviceLevel()).isNotNull());
        }
    }
}
