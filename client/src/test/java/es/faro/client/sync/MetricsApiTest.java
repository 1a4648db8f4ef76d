package es.faro.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import es.faro.client.metrics.HourlyVolume;
import es.faro.client.metrics.ResponseHistogram;
import es.faro.client.support.LiveServer;
import es.faro.protocol.api.PostMessageRequest;
import es.faro.protocol.metrics.SlaReport;
import es.faro.protocol.model.Conversation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics calls against a real server that took real traffic: two customers wrote to Orange on X
 * today and Ana answered one of them. What the client reads must be exactly that.
 */
class MetricsApiTest {
    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    @TempDir
    static Path dir;
    static LiveServer server;
    static MetricsApi metrics;
    static Instant from;
    static Instant to;

    @BeforeAll
    static void twoCustomersWriteAndOneIsAnswered() throws Exception {
        server = new LiveServer(dir);
        String account = server.twitterAccountOf("orange");
        String answered = "Respondida " + UUID.randomUUID();
        server.tweet(account, "c-" + UUID.randomUUID(), "Cliente Uno", answered);
        server.tweet(account, "c-" + UUID.randomUUID(), "Cliente Dos", "Sin respuesta " + UUID.randomUUID());
        ApiClient ana = server.signedIn("ana");
        Conversation first = awaitConversation(ana, answered);
        ana.postMessage(first.id(), UUID.randomUUID().toString(),
                new PostMessageRequest(PostMessageRequest.REPLY, "Lo miramos ahora mismo.", true));
        metrics = new MetricsApi(server.signedIn("lucia"));
        // The whole Madrid day around now, and a little beyond, so a run at midnight still holds both.
        from = Instant.now().atZone(MADRID).toLocalDate().atStartOfDay(MADRID).toInstant().minus(1, ChronoUnit.HOURS);
        to = Instant.now().plus(2, ChronoUnit.HOURS);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theSlaReportCountsTheAnsweredConversationAsMetByHour() throws Exception {
        SlaReport report = metrics.sla(from, to, "hour").orElseThrow();
        assertThat(report.groupBy()).isEqualTo("hour");
        assertThat(report.total().met()).isEqualTo(1);
        assertThat(report.total().missed() + report.total().breached()).isZero();
        assertThat(report.total().ratio()).isEqualTo(1.0);
        assertThat(report.rows()).isNotEmpty();
        assertThat(report.rows().stream().mapToInt(SlaReport.Row::inbound).sum()).isEqualTo(2);
    }

    @Test
    void volumeByHourAndTheFirstResponseHistogramReadTheServersShapes() throws Exception {
        HourlyVolume volume = metrics.volumeByHour(from, to).orElseThrow();
        assertThat(volume.buckets().stream().mapToInt(HourlyVolume.Bucket::total).sum()).isEqualTo(2);
        assertThat(volume.buckets()).allSatisfy(b -> {
            assertThat(b.end()).isEqualTo(b.start().plus(Duration.ofHours(1)));
            assertThat(b.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(b.total());
        });
        assertThat(volume.buckets().stream().mapToInt(b -> b.counts().getOrDefault("orange", 0)).sum()).isEqualTo(2);

        ResponseHistogram histogram = metrics.firstResponseHistogram(from, to).orElseThrow();
        assertThat(histogram.total()).isEqualTo(1);
        assertThat(histogram.answered()).isEqualTo(1);
        assertThat(histogram.median()).isLessThan(Duration.ofMinutes(5));
        assertThat(histogram.buckets().get(0).lower()).isEqualTo(Duration.ZERO);
        assertThat(histogram.buckets().get(0).count()).isEqualTo(1);
    }

    @Test
    void liveFiguresCountTheOneStillWaiting() throws Exception {
        var live = metrics.live().orElseThrow();
        assertThat(live.serviceLevel().met()).isEqualTo(1);
        assertThat(live.backlog()).isEqualTo(2); // both stay open: an answer does not resolve
    }

    @Test
    void anAgentIsRefusedAndTheRefusalIsAnErrorNotNoData() throws Exception {
        MetricsApi asAgent = new MetricsApi(server.signedIn("ana"));
        assertThatThrownBy(() -> asAgent.sla(from, to, "hour")).isInstanceOf(ApiException.class)
                .hasMessageContaining("forbidden");
        MetricsApi signedOut = new MetricsApi(server.api());
        assertThatThrownBy(signedOut::live).isInstanceOf(ApiException.class);
    }

    private static Conversation awaitConversation(ApiClient api, String text) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            for (var e : api.changes(0, 1000).events()) {
                if (e.type().equals("message.upserted") && e.data().path("body").asText().equals(text)) {
                    return api.conversation(e.data().path("conversationId").asText());
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no conversation for " + text);
    }
}
