package es.faro.server.channels.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.channel.Signatures;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Channel;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The simulator against a real HTTP server on 127.0.0.1: burst, rate, signatures, retries, prompt close. */
class DemoTrafficTest {

    private static DemoTraffic traffic(URI base, double rate, long seed) {
        return new DemoTraffic(base, DemoFixtures.SECRETS, DemoFixtures.brands(), rate, seed, DemoFixtures.corpus(),
                Clock.systemUTC());
    }

    private static void await(BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as("condition within %d ms", millis).isTrue();
    }

    private static void assertSignedForItsChannel(RecordingServer.Delivery d) {
        assertThat(d.method()).isEqualTo("POST");
        assertThat(d.contentType()).startsWith("application/json");
        switch (d.path()) {
            case "/api/v1/channels/twitter/webhook" -> {
                String expected = Signatures.base64Header(DemoFixtures.SECRETS.get(Channel.TWITTER), d.body());
                assertThat(Signatures.matches(expected, d.twitterSignature())).isTrue();
            }
            case "/api/v1/channels/facebook/webhook" -> {
                String expected = Signatures.hexHeader(DemoFixtures.SECRETS.get(Channel.FACEBOOK), d.body());
                assertThat(Signatures.matches(expected, d.metaSignature())).isTrue();
            }
            case "/api/v1/channels/google_play/webhook" -> {
                String expected = Signatures.hexHeader(DemoFixtures.SECRETS.get(Channel.GOOGLE_PLAY), d.body());
                assertThat(Signatures.matches(expected, d.faroSignature())).isTrue();
                assertThat(d.query()).startsWith("account=").contains(".");
            }
            default -> throw new AssertionError("unexpected path " + d.path());
        }
    }

    @Test
    void burstsRightAfterStartThenFollowsTheRateAndStopsOnClose() throws Exception {
        try (RecordingServer server = new RecordingServer(() -> 200)) {
            DemoTraffic demo = traffic(server.base(), 0.5, 42);
            demo.start();
            await(() -> server.requestCount() >= DemoTraffic.BURST, 5_000);
            Thread.sleep(300);
            // At half a message a minute, the burst is all that arrives this soon.
            assertThat(server.requestCount()).isBetween(DemoTraffic.BURST, DemoTraffic.BURST + 1);
            long began = System.nanoTime();
            demo.close();
            assertThat((System.nanoTime() - began) / 1_000_000).isLessThan(1_000);
            demo.close();
            int after = server.requestCount();
            Thread.sleep(200);
            assertThat(server.requestCount()).isEqualTo(after);
            server.deliveries().forEach(DemoTrafficTest::assertSignedForItsChannel);
            server.deliveries().forEach(d -> assertThat(Json.read(d.body(), JsonNode.class).isObject()).isTrue());
        }
    }

    @Test
    void sendsAboutTheConfiguredRateAfterTheBurst() throws Exception {
        try (RecordingServer server = new RecordingServer(() -> 200)) {
            DemoTraffic demo = traffic(server.base(), 1_200, 7);   // 20 a second
            demo.start();
            await(() -> server.requestCount() >= DemoTraffic.BURST, 5_000);
            int afterBurst = server.requestCount();
            Thread.sleep(3_000);
            int sent = server.requestCount() - afterBurst;
            demo.close();
            // Poisson with mean 60 in 3 s (sd ≈ 8); the bounds leave room for a slow shared machine.
            assertThat(sent).isBetween(25, 100);
            server.deliveries().forEach(DemoTrafficTest::assertSignedForItsChannel);
            assertThat(server.deliveries()).extracting(RecordingServer.Delivery::path)
                    .contains("/api/v1/channels/twitter/webhook", "/api/v1/channels/facebook/webhook");
        }
    }

    @Test
    void retriesTheSameBytesWhileTheServerFailsThenMovesOn() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (RecordingServer server = new RecordingServer(() -> calls.incrementAndGet() <= 2 ? 503 : 200)) {
            DemoTraffic demo = traffic(server.base(), 0.5, 3);
            demo.start();
            await(() -> server.requestCount() >= 4, 10_000);
            demo.close();
            List<RecordingServer.Delivery> d = server.deliveries();
            assertThat(d.get(1).body()).isEqualTo(d.get(0).body());
            assertThat(d.get(2).body()).isEqualTo(d.get(0).body());
            assertThat(d.get(3).body()).isNotEqualTo(d.get(0).body());
            // Backoff: the first retry waits about a second.
            assertThat((d.get(1).receivedNanos() - d.get(0).receivedNanos()) / 1_000_000).isGreaterThanOrEqualTo(900);
        }
    }

    @Test
    void dropsAMessageTheServerRejectsAndCarriesOn() throws Exception {
        try (RecordingServer server = new RecordingServer(() -> 401)) {
            DemoTraffic demo = traffic(server.base(), 0.5, 5);
            demo.start();
            await(() -> server.requestCount() >= 5, 5_000);
            demo.close();
            List<RecordingServer.Delivery> d = server.deliveries();
            assertThat(d.stream().map(x -> new String(x.body())).distinct().count()).isEqualTo(d.size());
        }
    }

    @Test
    void closesPromptlyWhileTheServerIsDown() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DemoTraffic demo = traffic(URI.create("http://127.0.0.1:" + port), 60, 1);
        demo.start();
        Thread.sleep(300);
        long began = System.nanoTime();
        demo.close();
        assertThat((System.nanoTime() - began) / 1_000_000).isLessThan(1_000);
        Thread worker = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("faro-demo-traffic") && t.isAlive()).findFirst().orElse(null);
        assertThat(worker).isNull();
    }

    @Test
    void startIsIdempotentAndCloseBeforeStartIsHarmless() throws IOException {
        DemoTraffic unused = traffic(URI.create("http://127.0.0.1:9"), 10, 1);
        unused.close();
        unused.start();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("faro-demo-traffic"));
    }

    @Test
    void refusesConfigurationItCannotUse() {
        assertThatThrownBy(() -> new DemoTraffic(URI.create("http://127.0.0.1:9"), Map.of(), DemoFixtures.brands(),
                10, 1, DemoFixtures.corpus(), Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DemoTraffic(URI.create("http://127.0.0.1:9"), DemoFixtures.SECRETS,
                DemoFixtures.brands(), 0, 1, DemoFixtures.corpus(), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
