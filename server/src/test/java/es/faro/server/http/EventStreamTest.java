package es.faro.server.http;

import static es.faro.server.support.Payloads.AMENA_X;
import static es.faro.server.support.Payloads.ORANGE_X;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.json.Json;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.Payloads;
import es.faro.server.support.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventStreamTest {
    static final AtomicInteger IDS = new AtomicInteger();
    static TestServer server;
    static ApiClient api;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Received(String id, String type, JsonNode data) {
    }

    /** An SSE connection whose events land in a queue. */
    static final class Stream extends EventSourceListener implements AutoCloseable {
        final BlockingQueue<Received> events = new LinkedBlockingQueue<>();
        final BlockingQueue<Integer> opened = new LinkedBlockingQueue<>();
        final EventSource source;

        Stream(String token, String lastEventId, String query) {
            Request.Builder b = new Request.Builder().url(api.base().resolve("/api/v1/events" + query).toString());
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (lastEventId != null) {
                b.header("Last-Event-ID", lastEventId);
            }
            source = EventSources.createFactory(api.http()).newEventSource(b.build(), this);
        }

        @Override
        public void onOpen(EventSource eventSource, Response response) {
            opened.add(response.code());
        }

        @Override
        public void onEvent(EventSource eventSource, String id, String type, String data) {
            try {
                events.add(new Received(id, type, Json.MAPPER.readTree(data)));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void onFailure(EventSource eventSource, Throwable t, Response response) {
            opened.add(response == null ? -1 : response.code());
        }

        void awaitOpen() throws InterruptedException {
            assertThat(opened.poll(10, TimeUnit.SECONDS)).isEqualTo(200);
        }

        List<Received> take(int n) throws InterruptedException {
            List<Received> got = new ArrayList<>();
            while (got.size() < n) {
                Received r = events.poll(10, TimeUnit.SECONDS);
                assertThat(r).as("event %d of %d", got.size() + 1, n).isNotNull();
                got.add(r);
            }
            return got;
        }

        @Override
        public void close() {
            source.cancel();
        }
    }

    static String tweet(String account) {
        String n = "s" + IDS.incrementAndGet();
        byte[] body = Payloads.tweets(account, Payloads.tweet("tw-" + n, "user-" + n, "Evento " + n, null));
        Reply r = api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body));
        assertThat(r.at("/accepted").asInt()).isEqualTo(1);
        return "Evento " + n;
    }

    @Test
    void liveEventsThenExactlyTheMissedOnesAfterReconnect() throws Exception {
        String lucia = api.login("lucia");
        String lastId;
        try (Stream live = new Stream(lucia, null, "")) {
            live.awaitOpen();
            String text = tweet(ORANGE_X);
            List<Received> got = live.take(2);
            assertThat(got).extracting(Received::type).containsExactly("message.upserted", "conversation.updated");
            assertThat(got.get(0).data().at("/data/body").asText()).isEqualTo(text);
            assertThat(got.get(1).data().at("/seq").asLong()).isEqualTo(Long.parseLong(got.get(1).id()));
            assertThat(Long.parseLong(got.get(1).id())).isEqualTo(Long.parseLong(got.get(0).id()) + 1);
            lastId = got.get(1).id();
        }
        // Cut: three more conversations arrive while we are away.
        List<String> missed = List.of(tweet(ORANGE_X), tweet(AMENA_X), tweet(ORANGE_X));
        try (Stream again = new Stream(lucia, lastId, "")) {
            again.awaitOpen();
            List<Received> got = again.take(6);
            List<Long> ids = got.stream().map(r -> Long.parseLong(r.id())).toList();
            long start = Long.parseLong(lastId);
            assertThat(ids).containsExactly(start + 1, start + 2, start + 3, start + 4, start + 5, start + 6);
            assertThat(got.stream().filter(r -> r.type().equals("message.upserted"))
                    .map(r -> r.data().at("/data/body").asText()).toList()).containsExactlyElementsOf(missed);
            assertThat(again.events.poll(700, TimeUnit.MILLISECONDS)).as("nothing duplicated").isNull();
            String next = tweet(ORANGE_X);
            List<Received> live = again.take(2);
            assertThat(Long.parseLong(live.get(0).id())).isEqualTo(start + 7);
            assertThat(live.get(0).data().at("/data/body").asText()).isEqualTo(next);
        }
    }

    @Test
    void reconnectFromBehindTheInMemoryWindowCatchesUpFromTheTable() throws Exception {
        try (TestServer small = TestServer.start(Map.of("sse.window", "3"))) {
            ApiClient saved = api;
            api = small.client();
            try {
                String lucia = api.login("lucia");
                long cursor = api.get("/api/v1/changes?after=0", lucia).at("/last").asLong();
                List<String> missed = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    missed.add(tweet(ORANGE_X));
                }
                try (Stream s = new Stream(lucia, Long.toString(cursor), "")) {
                    s.awaitOpen();
                    List<Received> got = s.take(10);
                    for (int i = 0; i < 10; i++) {
                        assertThat(Long.parseLong(got.get(i).id())).isEqualTo(cursor + 1 + i);
                    }
                    assertThat(got.stream().filter(r -> r.type().equals("message.upserted"))
                            .map(r -> r.data().at("/data/body").asText()).toList()).containsExactlyElementsOf(missed);
                    String live = tweet(ORANGE_X);
                    assertThat(s.take(2).get(0).data().at("/data/body").asText()).isEqualTo(live);
                    assertThat(s.events.poll(500, TimeUnit.MILLISECONDS)).isNull();
                }
            } finally {
                api = saved;
            }
        }
    }

    @Test
    void resumeWithAfterQueryAndAccessTokenQuery() throws Exception {
        String lucia = api.login("lucia");
        long cursor = api.get("/api/v1/changes?after=0&limit=5000", lucia).at("/last").asLong();
        tweet(ORANGE_X);
        try (Stream s = new Stream(null, null, "?after=" + cursor + "&access_token=" + lucia)) {
            s.awaitOpen();
            List<Received> got = s.take(2);
            assertThat(Long.parseLong(got.get(0).id())).isEqualTo(cursor + 1);
        }
    }

    @Test
    void agentsOnlyReceiveEventsOfTheirBrands() throws Exception {
        String ana = api.login("ana");
        try (Stream s = new Stream(ana, null, "")) {
            s.awaitOpen();
            tweet(AMENA_X);
            String orange = tweet(ORANGE_X);
            List<Received> got = s.take(2);
            assertThat(got.get(0).data().at("/data/body").asText()).isEqualTo(orange);
            assertThat(got.get(1).data().at("/data/brandId").asText()).isEqualTo("orange");
            assertThat(s.events.poll(500, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void streamNeedsAValidToken() throws Exception {
        Reply none = api.get("/api/v1/events", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.errorCode()).isEqualTo("unauthorized");
        assertThat(api.get("/api/v1/events?access_token=wrong", null).status()).isEqualTo(401);
        String lucia = api.login("lucia");
        Reply badResume = api.call(api.builder("/api/v1/events", lucia, Map.of("Last-Event-ID", "abc",
                "Accept", "text/event-stream")).build());
        assertThat(badResume.status()).isEqualTo(400);
        Reply notSse = api.get("/api/v1/events", lucia);
        assertThat(notSse.status()).isEqualTo(406);
        assertThat(notSse.at("/error/message").asText()).contains("text/event-stream");
    }

    @Test
    void keepAliveCommentsFlowWhileIdle() throws Exception {
        String lucia = api.login("lucia");
        Request request = api.builder("/api/v1/events", lucia, Map.of("Accept", "text/event-stream")).build();
        try (Response r = api.http().newCall(request).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("text/event-stream");
            BufferedReader reader = new BufferedReader(new InputStreamReader(r.body().byteStream(),
                    StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            int comments = 0;
            while (comments < 2 && System.nanoTime() < deadline) {
                String line = reader.readLine();
                if (line != null && line.startsWith(":") && line.contains("keep-alive")) {
                    comments++;
                }
            }
            assertThat(comments).isEqualTo(2);
        }
    }
}
