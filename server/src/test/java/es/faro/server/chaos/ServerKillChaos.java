package es.faro.server.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.event.EventType;
import es.faro.protocol.json.Json;
import es.faro.server.support.NodeProcess;
import es.faro.server.support.Payloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Jepsen-style history check of the server's durability: a real server process ({@code ServerMain}
 * in its own JVM on a SQLite file) takes webhook ingest (every payload delivered twice about a third
 * of the time) and agent replies (with idempotency keys) from two loader threads, and is killed with
 * SIGKILL at a random moment, again and again. After each kill it restarts on the same file; first
 * everything acknowledged so far must be there, then what was never acknowledged is sent again (as a
 * connector and the client's outbox do) until it is. At the end the event log is read by cursor and
 * checked event by event: every acknowledged message exactly once (0 lost, 0 duplicated), seqs
 * strictly increasing, each conversation's versions increasing along the log (0 reordered).
 *
 * <p>Used by {@code ServerKillChaosTest} (a short run in CI) and by {@code bench/run chaos} (the full run).
 */
public final class ServerKillChaos {
    private static final MediaType JSON = MediaType.get("application/json");

    /** What a run did and found. */
    public record Result(int kills, int webhooksAcked, int duplicatesSent, int repliesAcked, long events,
                         List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }

        @Override
        public String toString() {
            return "kills=" + kills + " webhooks acknowledged=" + webhooksAcked + " (duplicates sent " + duplicatesSent
                    + ") replies acknowledged=" + repliesAcked + " events checked=" + events + " problems="
                    + (problems.isEmpty() ? "0" : problems.size() + " " + problems.subList(0, Math.min(5, problems.size())));
        }
    }

    private final Path dir;
    private final Random random;
    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5))
            .retryOnConnectionFailure(false).build();
    /** For the checker's own calls (sign-in, reads): a loaded machine must not fail the run, only slow it. */
    private final OkHttpClient patient = http.newBuilder().callTimeout(Duration.ofSeconds(90))
            .readTimeout(Duration.ofSeconds(90)).build();
    private java.util.function.IntConsumer progress = k -> { };
    private final AtomicLong ids = new AtomicLong();
    /** tweet id → acknowledged (true) or sent without an answer (false). */
    private final Map<String, Boolean> tweets = new ConcurrentHashMap<>();
    private final Map<String, byte[]> tweetBodies = new ConcurrentHashMap<>();
    /** idempotency key → conversation id; acknowledged keys in {@link #repliesAcked}. */
    private final Map<String, String> replies = new ConcurrentHashMap<>();
    private final Set<String> repliesAcked = ConcurrentHashMap.newKeySet();
    private final AtomicLong duplicates = new AtomicLong();
    private final List<String> problems = new ArrayList<>();
    private volatile String base;
    private volatile String token;

    public ServerKillChaos(Path dir, long seed) {
        this.dir = dir;
        this.random = new Random(seed);
    }

    /** Called after each kill's restart check with the number of kills so far (the bench prints progress). */
    public ServerKillChaos onProgress(java.util.function.IntConsumer listener) {
        this.progress = listener;
        return this;
    }

    /** Problems found so far (the checks after each restart add to it). */
    public synchronized int problemsSoFar() {
        return problems.size();
    }

    public Result run(int kills) throws Exception {
        Files.createDirectories(dir);
        String storeUrl = "jdbc:sqlite:" + dir.resolve("chaos.db");
        List<String> conversations = new ArrayList<>();
        for (int k = 0; k < kills; k++) {
            NodeProcess node = NodeProcess.launch("chaos", storeUrl, Map.of()).awaitHealthy(Duration.ofMinutes(3));
            base = node.base().toString();
            token = login();
            verifyAcknowledgedPresent(k);
            progress.accept(k);
            resendUnacknowledged();
            if (conversations.isEmpty()) {
                conversations.addAll(conversationIds());
            }
            AtomicBoolean stop = new AtomicBoolean();
            Thread ingest = new Thread(() -> ingestLoop(stop), "chaos-ingest");
            Thread reply = new Thread(() -> replyLoop(stop, conversations), "chaos-reply");
            ingest.start();
            reply.start();
            Thread.sleep(150 + random.nextInt(1_200));
            node.kill();
            stop.set(true);
            ingest.join();
            reply.join();
        }
        NodeProcess node = NodeProcess.launch("chaos", storeUrl, Map.of()).awaitHealthy(Duration.ofMinutes(3));
        try {
            base = node.base().toString();
            token = login();
            verifyAcknowledgedPresent(kills);
            resendUnacknowledged();
            long events = checkHistory();
            int acked = (int) tweets.values().stream().filter(Boolean::booleanValue).count();
            return new Result(kills, acked, (int) duplicates.get(), repliesAcked.size(), events, List.copyOf(problems));
        } finally {
            node.close();
        }
    }

    // ---- traffic ---------------------------------------------------------------------------

    private void ingestLoop(AtomicBoolean stop) {
        Random r = new Random(random.nextLong());
        while (!stop.get()) {
            String id = "chaos-" + ids.incrementAndGet();
            byte[] body = Payloads.tweets(Payloads.ORANGE_X,
                    Payloads.tweet(id, "cust-" + (r.nextInt(40)), "mensaje " + id, null));
            tweetBodies.put(id, body);
            tweets.put(id, false);
            if (postTweet(body)) {
                tweets.put(id, true);
            }
            if (r.nextInt(3) == 0) {
                duplicates.incrementAndGet();
                postTweet(body);
            }
        }
    }

    private void replyLoop(AtomicBoolean stop, List<String> conversations) {
        Random r = new Random(random.nextLong());
        while (!stop.get() && !conversations.isEmpty()) {
            String key = java.util.UUID.randomUUID().toString();
            String conversation = conversations.get(r.nextInt(conversations.size()));
            replies.put(key, conversation);
            if (postReply(key, conversation)) {
                repliesAcked.add(key);
            }
        }
    }

    private boolean postTweet(byte[] body) {
        Request request = new Request.Builder().url(base + "/api/v1/channels/twitter/webhook")
                .headers(okhttp3.Headers.of(Payloads.twitterSignature(body)))
                .post(RequestBody.create(body, JSON)).build();
        try (Response r = http.newCall(request).execute()) {
            return r.code() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean postReply(String key, String conversation) {
        byte[] body = Json.writeBytes(Map.of("kind", "reply", "body", "respuesta " + key));
        Request request = new Request.Builder().url(base + "/api/v1/conversations/" + conversation + "/messages")
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                .post(RequestBody.create(body, JSON)).build();
        try (Response r = http.newCall(request).execute()) {
            return r.code() == 201;
        } catch (IOException e) {
            return false;
        }
    }

    // ---- checks ----------------------------------------------------------------------------

    private String login() throws IOException {
        byte[] body = Json.writeBytes(Map.of("username", "lucia", "password", "faro-demo"));
        Request request = new Request.Builder().url(base + "/api/v1/auth/login").post(RequestBody.create(body, JSON)).build();
        try (Response r = patient.newCall(request).execute()) {
            return Json.read(r.body().bytes(), JsonNode.class).get("token").asText();
        }
    }

    private JsonNode get(String path) throws IOException {
        Request request = new Request.Builder().url(base + path).header("Authorization", "Bearer " + token).build();
        try (Response r = patient.newCall(request).execute()) {
            if (r.code() != 200) {
                throw new IOException(path + " → " + r.code());
            }
            return Json.read(r.body().bytes(), JsonNode.class);
        }
    }

    private List<String> conversationIds() throws IOException {
        if (tweets.isEmpty()) {
            for (int i = 0; i < 5; i++) {
                String id = "chaos-seed-" + i;
                byte[] body = Payloads.tweets(Payloads.ORANGE_X, Payloads.tweet(id, "seed-" + i, "inicio " + i, null));
                tweetBodies.put(id, body);
                tweets.put(id, postTweet(body));
            }
        }
        List<String> result = new ArrayList<>();
        get("/api/v1/conversations?limit=5").path("items").forEach(c -> result.add(c.get("id").asText()));
        return result;
    }

    /** Everything acknowledged before the kill is there after the restart (read from the event log). */
    private void verifyAcknowledgedPresent(int round) throws IOException {
        Map<String, Integer> inbound = new HashMap<>();
        Map<String, Integer> outbound = new HashMap<>();
        readMessages(inbound, outbound, new ArrayList<>());
        for (Map.Entry<String, Boolean> t : tweets.entrySet()) {
            if (t.getValue() && !inbound.containsKey(t.getKey())) {
                problems.add("after kill " + round + ": acknowledged webhook " + t.getKey() + " lost");
            }
        }
        for (String key : repliesAcked) {
            if (!outbound.containsKey(key)) {
                problems.add("after kill " + round + ": acknowledged reply " + key + " lost");
            }
        }
    }

    /** What was never acknowledged is sent again with the same ids and keys until it is. */
    private void resendUnacknowledged() {
        for (Map.Entry<String, Boolean> t : new LinkedHashMap<>(tweets).entrySet()) {
            if (!t.getValue()) {
                for (int attempt = 0; attempt < 20 && !postTweet(tweetBodies.get(t.getKey())); attempt++) {
                    pause();
                }
                tweets.put(t.getKey(), true);
            }
        }
        for (Map.Entry<String, String> e : new LinkedHashMap<>(replies).entrySet()) {
            if (!repliesAcked.contains(e.getKey())) {
                for (int attempt = 0; attempt < 20 && !postReply(e.getKey(), e.getValue()); attempt++) {
                    pause();
                }
                repliesAcked.add(e.getKey());
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads the whole event log by cursor: message events by channel message id (inbound) and client
     * id (replies), and checks seq order and per-conversation version order on the way.
     */
    private long readMessages(Map<String, Integer> inbound, Map<String, Integer> outbound, List<String> found)
            throws IOException {
        long after = 0;
        long count = 0;
        long lastSeq = 0;
        Map<String, String> firstEventOfMessage = new HashMap<>();
        Map<String, Long> versionOf = new HashMap<>();
        while (true) {
            JsonNode page = get("/api/v1/changes?after=" + after + "&limit=5000");
            JsonNode events = page.path("events");
            if (events.isEmpty()) {
                return count;
            }
            for (JsonNode e : events) {
                count++;
                long seq = e.get("seq").asLong();
                if (seq <= lastSeq) {
                    found.add("seq " + seq + " after " + lastSeq);
                }
                lastSeq = seq;
                JsonNode data = e.get("data");
                if (EventType.MESSAGE.equals(e.get("type").asText())) {
                    String mid = data.get("id").asText();
                    // A message may be upserted again (e.g. delivery state); a second message for the same
                    // channel id or client key would have another id.
                    if (firstEventOfMessage.putIfAbsent(mid, mid) == null) {
                        String channelId = data.path("channelMessageId").asText(null);
                        String clientId = data.path("clientId").asText(null);
                        if ("IN".equals(data.path("kind").asText()) && channelId != null) {
                            inbound.merge(channelId, 1, Integer::sum);
                        } else if (clientId != null) {
                            outbound.merge(clientId, 1, Integer::sum);
                        }
                    }
                } else if (EventType.CONVERSATION.equals(e.get("type").asText())) {
                    String cid = data.get("id").asText();
                    long v = data.get("version").asLong();
                    Long before = versionOf.put(cid, v);
                    if (before != null && v < before) {
                        found.add("conversation " + cid + " version " + v + " after " + before + " at seq " + seq);
                    }
                }
            }
            after = page.get("last").asLong();
        }
    }

    private long checkHistory() throws IOException {
        Map<String, Integer> inbound = new HashMap<>();
        Map<String, Integer> outbound = new HashMap<>();
        List<String> order = new ArrayList<>();
        long events = readMessages(inbound, outbound, order);
        problems.addAll(order);
        Set<String> expectedTweets = new TreeSet<>(tweets.keySet());
        for (String id : expectedTweets) {
            int n = inbound.getOrDefault(id, 0);
            if (n != 1) {
                problems.add("webhook " + id + " stored " + n + " times");
            }
        }
        for (String key : replies.keySet()) {
            int n = outbound.getOrDefault(key, 0);
            if (n != 1) {
                problems.add("reply " + key + " stored " + n + " times");
            }
        }
        for (String id : inbound.keySet()) {
            if (!tweets.containsKey(id)) {
                problems.add("message " + id + " that nobody sent");
            }
        }
        return events;
    }
}
