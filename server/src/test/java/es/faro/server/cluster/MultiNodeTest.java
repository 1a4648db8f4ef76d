package es.faro.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.server.support.ApiClient;
import es.faro.server.support.ApiClient.Reply;
import es.faro.server.support.FailoverStream;
import es.faro.server.support.FailoverStream.Received;
import es.faro.server.support.NodeProcess;
import es.faro.server.support.Payloads;
import es.faro.server.support.PgTestDatabase;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three server processes on one PostgreSQL schema, clients on different nodes: a reply posted on
 * node A reaches an SSE client on node C within a second; kill -9 of node C loses no acknowledged
 * write, and C's client reconnects to another node with Last-Event-ID and misses nothing.
 */
class MultiNodeTest {
    static PgTestDatabase db;
    static final List<NodeProcess> nodes = new ArrayList<>();

    @BeforeAll
    static void startThreeNodes() {
        db = PgTestDatabase.create();
        // Started together: Flyway's lock lets exactly one of them migrate the empty schema.
        for (String name : List.of("a", "b", "c")) {
            nodes.add(NodeProcess.launch(name, db.url(), Map.of()));
        }
        nodes.forEach(n -> n.awaitHealthy(Duration.ofSeconds(60)));
    }

    @AfterAll
    static void stopNodes() {
        nodes.forEach(NodeProcess::close);
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aReplyOnNodeAReachesNodeCWithinOneSecondAndKillingANodeLosesNothing() throws Exception {
        NodeProcess a = nodes.get(0);
        NodeProcess b = nodes.get(1);
        NodeProcess c = nodes.get(2);
        ApiClient onA = new ApiClient(a.base());
        ApiClient onB = new ApiClient(b.base());
        ApiClient onC = new ApiClient(c.base());
        String ana = onA.login("ana");
        String lucia = onB.login("lucia"); // tokens live in the database: valid on every node
        List<URI> bases = nodes.stream().map(NodeProcess::base).toList();

        try (FailoverStream streamC = new FailoverStream(bases, 2, lucia, onC.http());
             FailoverStream streamB = new FailoverStream(bases, 1, lucia, onB.http())) {
            assertThat(streamC.connections.poll(10, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(streamB.connections.poll(10, TimeUnit.SECONDS)).isEqualTo(1);

            // A customer writes in through node B.
            String tweetText = "Sin cobertura " + UUID.randomUUID();
            ingest(onB, tweetText);
            Received inbound = awaitMessage(streamC, tweetText, 5_000);
            String conversationId = inbound.data().at("/data/conversationId").asText();

            // Ana answers on node A; the client on node C sees it within a second.
            String replyText = "Hola, lo revisamos ahora mismo " + UUID.randomUUID();
            long posted = System.nanoTime();
            Reply reply = onA.post("/api/v1/conversations/" + conversationId + "/messages", ana,
                    Map.of("kind", "reply", "body", replyText, "public", true),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(reply.status()).as(reply.text()).isIn(200, 201);
            Received onNodeC = awaitMessage(streamC, replyText, 1_000);
            assertThat(TimeUnit.NANOSECONDS.toMillis(onNodeC.at() - posted)).isLessThan(1_000);
            awaitMessage(streamB, replyText, 1_000);

            // Writes keep arriving through node C while it is killed: what it acknowledged must survive.
            List<String> acknowledged = new ArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int i = 0; !stop.get() && i < 500; i++) {
                    String text = "Kill test " + i + " " + UUID.randomUUID();
                    try {
                        if (ingestQuietly(onC, text)) {
                            synchronized (acknowledged) {
                                acknowledged.add(text);
                            }
                        }
                    } catch (RuntimeException e) {
                        return; // the node is gone
                    }
                }
            });
            Thread.sleep(1_500);
            c.kill();
            stop.set(true);
            writer.get(30, TimeUnit.SECONDS);
            assertThat(acknowledged).as("writes were acknowledged by node C before it died").isNotEmpty();

            // C's client fails over to another node and resumes from its Last-Event-ID.
            Integer reconnectedTo = streamC.connections.poll(10, TimeUnit.SECONDS);
            assertThat(reconnectedTo).isNotNull().isNotEqualTo(2);

            // More traffic after the failover, through node A.
            String after = "Después del fallo " + UUID.randomUUID();
            ingest(onA, after);
            // Generous: the client first has to notice the dead node and back off before reconnecting.
            awaitMessage(streamC, after, 15_000);

            long head = changes(onA, lucia, 0).stream().mapToLong(e -> e.get("seq").asLong()).max().orElseThrow();
            List<Long> seqsC = drainSeqs(streamC, head);
            List<Long> seqsB = drainSeqs(streamB, head);
            assertThat(seqsC).as("node C's client: every seq once, in order, through the kill")
                    .isEqualTo(range(seqsC.get(0), head));
            assertThat(seqsB).isEqualTo(range(seqsB.get(0), head));

            List<String> bodies = changes(onA, lucia, 0).stream()
                    .filter(e -> e.get("type").asText().equals("message.upserted"))
                    .map(e -> e.at("/data/body").asText()).toList();
            assertThat(bodies).containsAll(acknowledged).contains(tweetText, replyText, after);
        }
    }

    private static void ingest(ApiClient api, String text) {
        assertThat(ingestQuietly(api, text)).as("ingest of " + text).isTrue();
    }

    private static boolean ingestQuietly(ApiClient api, String text) {
        String n = UUID.randomUUID().toString();
        byte[] body = Payloads.tweets(Payloads.ORANGE_X, Payloads.tweet("tw-" + n, "user-" + n, text, null));
        Reply r = api.post("/api/v1/channels/twitter/webhook", null, body, Payloads.twitterSignature(body));
        return r.status() == 200 && r.at("/accepted").asInt() == 1;
    }

    /**
     * The first received event (from the start of the stream) carrying {@code body}. One index walks
     * the queue, so an event that arrives while we look is checked exactly once, never skipped.
     */
    private static Received awaitMessage(FailoverStream stream, String body, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        int checked = 0;
        while (true) {
            List<Received> all = List.copyOf(stream.events);
            for (; checked < all.size(); checked++) {
                if (isMessage(all.get(checked), body)) {
                    return all.get(checked);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no message \"" + body + "\" within " + timeoutMillis + " ms; received "
                        + all.size() + " events, last seqs " + all.subList(Math.max(0, all.size() - 5), all.size())
                        .stream().map(Received::seq).toList() + ", connections to nodes " + stream.connections);
            }
            Thread.sleep(5);
        }
    }

    private static boolean isMessage(Received r, String body) {
        return r.type().equals("message.upserted") && r.data().at("/data/body").asText().equals(body);
    }

    private static List<Long> drainSeqs(FailoverStream stream, long head) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            List<Received> all = new ArrayList<>(stream.events);
            if (!all.isEmpty() && all.get(all.size() - 1).seq() >= head) {
                break;
            }
            Thread.sleep(20);
        }
        return stream.events.stream().map(Received::seq).toList();
    }

    private static List<JsonNode> changes(ApiClient api, String token, long after) {
        Reply r = api.get("/api/v1/changes?after=" + after + "&limit=5000", token);
        assertThat(r.status()).isEqualTo(200);
        return StreamSupport.stream(r.at("/events").spliterator(), false).toList();
    }

    private static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long s = from; s <= to; s++) {
            out.add(s);
        }
        return out;
    }
}
