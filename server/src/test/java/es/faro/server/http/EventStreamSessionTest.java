package es.faro.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.server.support.ApiClient;
import es.faro.server.support.MutableClock;
import es.faro.server.support.Payloads;
import es.faro.server.support.TestServer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.junit.jupiter.api.Test;

/** An open event stream lives as long as its token: sign-out and expiry end it, over real HTTP. */
class EventStreamSessionTest {
    static final String END = "\u0000end";

    /** The raw lines of one SSE response, read on a thread of its own; {@link #END} when the server closes it. */
    static final class RawStream implements AutoCloseable {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final Response response;

        RawStream(ApiClient api, String token) throws IOException {
            OkHttpClient http = api.http().newBuilder().readTimeout(Duration.ZERO).build();
            Request request = new Request.Builder().url(api.base().resolve("/api/v1/events").toString())
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
            response = http.newCall(request).execute();
            assertThat(response.code()).isEqualTo(200);
            Thread reader = new Thread(() -> {
                try {
                    BufferedSource source = response.body().source();
                    String line;
                    while ((line = source.readUtf8Line()) != null) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // cancelled by close()
                } finally {
                    lines.add(END);
                }
            }, "test-sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits for a line containing {@code text}; false when the stream ended or time ran out. */
        boolean sees(String text, Duration within) throws InterruptedException {
            long end = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < end) {
                String line = lines.poll(50, TimeUnit.MILLISECONDS);
                if (line == END) {
                    lines.add(END);
                    return false;
                }
                if (line != null && line.contains(text)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the server ended the stream within the time. */
        boolean ends(Duration within) throws InterruptedException {
            long end = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < end) {
                String line = lines.poll(50, TimeUnit.MILLISECONDS);
                if (line == END) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() {
            response.close();
        }
    }

    private static void tweet(ApiClient api, String id, String text) {
        byte[] body = Payloads.tweets(Payloads.ORANGE_X, Payloads.tweet(id, "user-" + id, text, null));
        assertThat(api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body)).status())
                .isEqualTo(200);
    }

    @Test
    void signingOutClosesThatTokensStreamAndOnlyThatOne() throws Exception {
        try (TestServer server = TestServer.start()) {
            ApiClient api = server.client();
            String first = api.login("ana");
            String second = api.login("ana");
            try (RawStream a = new RawStream(api, first); RawStream b = new RawStream(api, second)) {
                assertThat(a.sees(": connected", Duration.ofSeconds(5))).isTrue();
                assertThat(b.sees(": connected", Duration.ofSeconds(5))).isTrue();
                tweet(api, "sess-1", "Primero");
                assertThat(a.sees("Primero", Duration.ofSeconds(10))).isTrue();
                assertThat(b.sees("Primero", Duration.ofSeconds(10))).isTrue();

                assertThat(api.post("/api/v1/auth/logout", first, Map.of()).status()).isEqualTo(200);
                assertThat(a.ends(Duration.ofSeconds(5))).as("the signed-out stream ends").isTrue();

                tweet(api, "sess-2", "Segundo");
                assertThat(b.sees("Segundo", Duration.ofSeconds(10))).as("the other session's stream goes on").isTrue();
                // The revoked token cannot open a new stream either.
                assertThat(api.get("/api/v1/events", first).status()).isEqualTo(401);
            }
        }
    }

    @Test
    void anExpiredTokensStreamIsClosed() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
        try (TestServer server = TestServer.start(Map.of("token.ttl", "PT1H"), clock)) {
            ApiClient api = server.client();
            String token = api.login("ana");
            try (RawStream stream = new RawStream(api, token)) {
                assertThat(stream.sees(": connected", Duration.ofSeconds(5))).isTrue();
                clock.advance(Duration.ofMinutes(59));
                assertThat(stream.ends(Duration.ofSeconds(2))).as("still valid for a minute").isFalse();
                clock.advance(Duration.ofMinutes(2));
                assertThat(stream.ends(Duration.ofSeconds(5))).as("closed once expired").isTrue();
            }
        }
    }
}
