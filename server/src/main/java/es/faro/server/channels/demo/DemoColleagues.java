package es.faro.server.channels.demo;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's colleagues on the floor: the other demo agents sign in and work their brands through
 * the public API over HTTP, as a workstation would — take the next conversation, answer it after a
 * human pause, resolve it a while later (which sends the customer a survey). So a demo shows what a
 * lead watches on a real floor: service level, agents online and their load, CSAT — figures computed
 * by the server from real replies, never invented for the screen.
 */
public final class DemoColleagues implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoColleagues.class);
    private static final Map<String, List<String>> REPLIES = Map.of(
            "es", List.of(
                    "Hola, sentimos las molestias. ¿Nos escribes por privado con tu DNI y el número de línea para revisarlo?",
                    "Gracias por avisarnos. Hemos abierto una incidencia con el equipo técnico y te contamos en cuanto haya novedades.",
                    "Hola, hemos revisado tu caso y ya está solucionado. Si vuelve a pasar, escríbenos por aquí.",
                    "Lo sentimos mucho. Hay una avería en tu zona y la previsión es que quede resuelta hoy mismo.",
                    "Hola, ya hemos corregido la factura: verás el abono en la próxima. Gracias por tu paciencia."),
            "en", List.of(
                    "Hi, sorry for the trouble. Could you send us a DM with your ID and line number so we can check?",
                    "Thanks for letting us know. We have opened a ticket with the technical team and will update you soon.",
                    "Hi, we have checked your case and it is fixed now. If it happens again, just write to us here.",
                    "We are very sorry. There is a fault in your area and it should be fixed later today."));

    /** How a colleague works: checks every {@code tick}, answers after {@code think}, resolves after {@code settle}. */
    public record Pace(Duration tick, Duration thinkMin, Duration thinkMax, Duration settleMin, Duration settleMax,
                       int maxOpen) {
        /** A believable floor: a reply within 1–4 minutes, resolved 2–5 minutes after it, up to 4 at a time. */
        public static final Pace FLOOR = new Pace(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(4),
                Duration.ofMinutes(2), Duration.ofMinutes(5), 4);

        Duration between(Duration min, Duration max, long salt) {
            long span = Math.max(0, max.toMillis() - min.toMillis());
            return min.plusMillis(span == 0 ? 0 : Math.floorMod(salt, span + 1));
        }
    }

    private final URI base;
    private final java.util.function.Supplier<List<String>> usernames;
    private final String password;
    private final List<Colleague> colleagues = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Pace pace;
    private final long seed;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Thread worker;

    /**
     * {@code usernames} is asked on the colleagues' own thread when they start: finding who may sign in
     * (their password hashes checked) stays off the server's start-up path.
     */
    public DemoColleagues(URI base, java.util.function.Supplier<List<String>> usernames, String password, Pace pace,
                          long seed, Clock clock) {
        this.base = base;
        this.usernames = usernames;
        this.password = password;
        this.pace = pace;
        this.seed = seed;
        this.clock = clock;
    }

    public void start() {
        if (worker != null) {
            return;
        }
        Thread thread = new Thread(this::run, "faro-demo-colleagues");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    private void run() {
        for (String username : usernames.get()) {
            colleagues.add(new Colleague(username, password));
        }
        if (colleagues.isEmpty()) {
            return;
        }
        LOG.info("demo colleagues at work: {}", colleagues.stream().map(c -> c.username).toList());
        try {
            while (!closed.await(pace.tick().toMillis(), TimeUnit.MILLISECONDS)) {
                for (Colleague colleague : colleagues) {
                    try {
                        colleague.work();
                    } catch (IOException | RuntimeException e) {
                        // The server may be starting, restarting or busy: the next tick tries again.
                        LOG.debug("demo colleague {} skipped a round: {}", colleague.username, e.toString());
                        colleague.token = null;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        Thread thread = worker;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One demo agent's session and habits. */
    private final class Colleague {
        final String username;
        final String password;
        final Random random;
        String token;

        Colleague(String username, String password) {
            this.username = username;
            this.password = password;
            this.random = new Random(seed * 131 + username.hashCode());
        }

        void work() throws IOException, InterruptedException {
            if (token == null) {
                signIn();
            }
            Instant now = clock.instant();
            int open = 0;
            for (JsonNode c : call("GET", "/api/v1/conversations?assignee=me&limit=100", null).path("items")) {
                String status = c.path("status").asText();
                if (status.equals("RESOLVED") || status.equals("CLOSED")) {
                    continue;
                }
                open++;
                Instant last = Instant.parse(c.path("lastMessageAt").asText(c.path("createdAt").asText()));
                long salt = (c.path("id").asText() + last).hashCode();
                boolean waiting = "IN".equals(c.path("lastMessageKind").asText());
                if (waiting && !now.isBefore(last.plus(pace.between(pace.thinkMin(), pace.thinkMax(), salt)))) {
                    reply(c);
                } else if (!waiting && !now.isBefore(last.plus(pace.between(pace.settleMin(), pace.settleMax(), salt)))) {
                    resolve(c);
                    open--;
                }
            }
            if (open < pace.maxOpen()) {
                call("POST", "/api/v1/next", "{}");
            }
        }

        private void signIn() throws IOException, InterruptedException {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("username", username);
            body.put("password", password);
            HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
            if (r.statusCode() != 200) {
                throw new IOException("sign-in of " + username + " answered HTTP " + r.statusCode());
            }
            token = Json.MAPPER.readTree(r.body()).path("token").asText();
        }

        private void reply(JsonNode conversation) throws IOException, InterruptedException {
            List<String> texts = REPLIES.getOrDefault(conversation.path("language").asText("es"), REPLIES.get("es"));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", "reply");
            body.put("body", texts.get(random.nextInt(texts.size())));
            call("POST", "/api/v1/conversations/" + conversation.path("id").asText() + "/messages", Json.write(body));
        }

        private void resolve(JsonNode conversation) throws IOException, InterruptedException {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "RESOLVED");
            body.put("version", conversation.path("version").asLong());
            call("POST", "/api/v1/conversations/" + conversation.path("id").asText() + "/status", Json.write(body));
        }

        /** A call as this colleague; a refusal (e.g. a conflict with a customer's new message) is left for the next round. */
        private JsonNode call(String method, String path, String json) throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", "Bearer " + token)
                    .header("Idempotency-Key", UUID.randomUUID().toString());
            if (json == null) {
                b.GET();
            } else {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            }
            HttpResponse<String> r = send(b);
            if (r.statusCode() == 401) {
                token = null;
                throw new IOException("the session of " + username + " ended");
            }
            if (r.statusCode() >= 300 || r.body() == null || r.body().isBlank()) {
                return Json.MAPPER.createObjectNode();
            }
            return Json.MAPPER.readTree(r.body());
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return http.send(request.timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
