package es.faro.server.channels.demo;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import es.faro.protocol.channel.Signatures;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Channel;
import es.faro.server.csat.SurveyService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's customers answering satisfaction surveys: about half answer, after a short while, with
 * ratings skewed the way real care surveys are (about two in three satisfied) and sometimes a
 * comment, through the same doors a real customer uses: a DM on the network (a signed webhook) or the
 * survey link ({@code POST /api/v1/surveys/{token}/response}), both over HTTP.
 */
public final class DemoSurveyResponder implements SurveyService.SentListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSurveyResponder.class);
    /** Ratings 1–5 with weights: 67 % give 4 or 5. */
    private static final int[] WEIGHTS = {8, 10, 15, 27, 40};
    private static final Map<Integer, List<String>> COMMENTS_ES = Map.of(
            1, List.of("Nadie me solucionó nada", "Fatal, tres días esperando"),
            2, List.of("Tardasteis mucho", "Me pasaron de un sitio a otro"),
            3, List.of("Regular", "Se arregló, pero costó"),
            4, List.of("Bien, gracias", "Rápido y amable"),
            5, List.of("¡Genial, muchas gracias!", "Muy bien 👏", "Perfecto, resuelto en el momento"));
    private static final Map<Integer, List<String>> COMMENTS_EN = Map.of(
            1, List.of("Nobody fixed anything"), 2, List.of("It took far too long"), 3, List.of("OK in the end"),
            4, List.of("Good, thanks"), 5, List.of("Great, thank you!", "Excellent 👏"));

    private final URI base;
    private final Map<Channel, String> secrets;
    private final Random random;
    private final Duration maxDelay;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "faro-demo-surveys");
        t.setDaemon(true);
        return t;
    });

    public DemoSurveyResponder(URI serverBaseUri, Map<Channel, String> secrets, long seed, Duration maxDelay) {
        String text = serverBaseUri.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.secrets = new EnumMap<>(Channel.class);
        this.secrets.putAll(secrets);
        this.random = new Random(seed * 17 + 3);
        this.maxDelay = maxDelay;
    }

    @Override
    public synchronized void sent(SurveyService.Survey survey, String customerUserId, String brandAccountId) {
        if (random.nextDouble() >= 0.5) {
            return; // most customers never answer
        }
        int rating = rating(random.nextInt(100));
        List<String> comments = ("en".equals(survey.language()) ? COMMENTS_EN : COMMENTS_ES).get(rating);
        String comment = random.nextBoolean() ? comments.get(random.nextInt(comments.size())) : null;
        long delay = 1_000 + (long) (random.nextDouble() * Math.max(0, maxDelay.toMillis() - 1_000));
        executor.schedule(() -> answer(survey, customerUserId, brandAccountId, rating, comment), delay,
                TimeUnit.MILLISECONDS);
    }

    static int rating(int percentile) {
        int acc = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            acc += WEIGHTS[i];
            if (percentile < acc) {
                return i + 1;
            }
        }
        return 5;
    }

    private void answer(SurveyService.Survey s, String customerUserId, String account, int rating, String comment) {
        try {
            int code;
            if (s.mode().equals("LINK")) {
                ObjectNode body = Json.MAPPER.createObjectNode().put("rating", rating);
                if (comment != null) {
                    body.put("comment", comment);
                }
                code = post(base.resolve("api/v1/surveys/" + s.token() + "/response"), Json.writeBytes(body), null,
                        null);
            } else {
                String text = comment == null ? Integer.toString(rating) : rating + " " + comment;
                code = dm(s.channel(), account, customerUserId, text);
            }
            LOG.debug("demo customer answered survey {} with {}: HTTP {}", s.id(), rating, code);
        } catch (Exception e) {
            LOG.debug("demo survey answer not delivered", e);
        }
    }

    private int dm(Channel channel, String account, String sender, String text) throws Exception {
        String secret = secrets.get(channel);
        if (secret == null || account == null || sender == null) {
            return -1;
        }
        long now = Instant.now().toEpochMilli();
        String id = "demo-csat-" + Long.toHexString(random.nextLong());
        ObjectNode root = Json.MAPPER.createObjectNode();
        byte[] body;
        String header;
        String signature;
        switch (channel) {
            case TWITTER -> {
                root.put("for_user_id", account);
                ObjectNode e = root.putArray("direct_message_events").addObject();
                e.put("type", "message_create");
                e.put("id", id);
                e.put("created_timestamp", Long.toString(now));
                ObjectNode create = e.putObject("message_create");
                create.putObject("target").put("recipient_id", account);
                create.put("sender_id", sender);
                create.putObject("message_data").put("text", text);
                body = Json.writeBytes(root);
                header = Signatures.TWITTER_HEADER;
                signature = Signatures.base64Header(secret, body);
            }
            case FACEBOOK, INSTAGRAM -> {
                root.put("object", channel == Channel.FACEBOOK ? "page" : "instagram");
                ObjectNode entry = root.putArray("entry").addObject();
                entry.put("id", account);
                entry.put("time", now);
                ObjectNode m = entry.putArray("messaging").addObject();
                m.putObject("sender").put("id", sender);
                m.putObject("recipient").put("id", account);
                m.put("timestamp", now);
                m.putObject("message").put("mid", id).put("text", text);
                // Meta escapes non-ASCII on the wire; the signature covers exactly these bytes.
                body = Json.MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(root)
                        .getBytes(StandardCharsets.UTF_8);
                header = Signatures.META_HEADER;
                signature = Signatures.hexHeader(secret, body);
            }
            default -> {
                return -1; // no private messages on this channel
            }
        }
        return post(base.resolve("api/v1/channels/" + channel.wireName() + "/webhook"), body, header, signature);
    }

    private int post(URI uri, byte[] body, String header, String signature) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (header != null) {
            b.header(header, signature);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
