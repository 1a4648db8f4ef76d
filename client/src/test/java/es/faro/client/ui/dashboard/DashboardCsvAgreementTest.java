package es.faro.client.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import es.faro.client.app.ClientSession;
import es.faro.client.metrics.LiveFigures;
import es.faro.client.metrics.LiveSnapshot;
import es.faro.client.support.LiveServer;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.ConnectionState;
import es.faro.client.sync.MetricsApi;
import es.faro.client.sync.SlaAdminApi;
import es.faro.client.ui.common.SameThreadTaskRunner;
import es.faro.protocol.api.ConversationPage;
import es.faro.protocol.api.PostMessageRequest;
import es.faro.protocol.json.Json;
import es.faro.protocol.metrics.Breakdown;
import es.faro.protocol.metrics.LiveMetrics;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.sla.SlaPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.property.SimpleObjectProperty;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when": the numbers on the lead's dashboard (the view model's live snapshot, fed
 * by the client's own sync from a real server) equal an independent recomputation from the server's
 * CSV export. Real traffic: customer tweets through the signed webhook, replies and status changes
 * through the API, with a 5-second first-response target so that met, missed, breached and still
 * running clocks all happen within the test.
 */
class DashboardCsvAgreementTest {
    static final Duration TARGET = Duration.ofSeconds(5);
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    LiveServer server;
    ClientSession lead;
    DashboardViewModel vm;

    @AfterEach
    void stop() {
        if (vm != null) {
            vm.close();
        }
        if (lead != null) {
            lead.close();
        }
        server.close();
    }

    @Test
    void dashboardFiguresEqualARecountOfTheCsvExport() throws Exception {
        server = new LiveServer(dir.resolve("server"));
        // Social networks: 5 s to the first response, around the clock.
        SlaAdminApi admin = new SlaAdminApi(server.signedIn("admin"));
        List<SlaPolicy> policies = new ArrayList<>();
        for (SlaPolicy p : admin.policies()) {
            policies.add(p.id().equals("sla-social") ? new SlaPolicy(p.id(), p.name(), p.brands(), p.channels(),
                    p.priorities(), TARGET, TARGET, p.resolution(), 50, "24x7") : p);
        }
        admin.savePolicies(policies);

        // The lead's workstation is open all along: its cache follows the server live.
        ApiClient leadApi = server.signedIn("lucia");
        lead = ClientSession.start(leadApi, leadApi.me(), dir.resolve("cache"), "test-server");
        await(() -> lead.sync().state().status() == ConnectionState.Status.ONLINE);

        Map<String, String> accounts = new HashMap<>();
        for (String brand : List.of("orange", "jazztel", "amena")) {
            accounts.put(brand, server.twitterAccountOf(brand));
        }
        ApiClient actions = server.signedIn("lucia");
        String[][] customers = {{"orange", "o1"}, {"jazztel", "j1"}, {"amena", "a1"}, {"orange", "o2"},
            {"jazztel", "j2"}, {"orange", "o3"}, {"orange", "o4"}, {"jazztel", "j3"}, {"amena", "a2"}};
        for (String[] c : customers) {
            server.tweet(accounts.get(c[0]), "csv-" + c[1], "Cliente " + c[1], "Hola, no tengo línea (" + c[1] + ")");
        }
        Instant sent = Instant.now();
        Map<String, String> byCustomer = customerToConversation(actions);
        // Answered at once (met, unless the machine is very slow), and one of them resolved.
        for (String who : List.of("o1", "j1", "a1")) {
            reply(actions, byCustomer.get(who));
        }
        status(actions, byCustomer.get("o1"), "RESOLVED");
        // Answered after the target (missed), one of them then waiting on the customer.
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), sent.plus(TARGET).plusSeconds(1)).toMillis()));
        for (String who : List.of("o2", "j2")) {
            reply(actions, byCustomer.get(who));
        }
        status(actions, byCustomer.get("j2"), "PENDING");
        // o3, o4, j3 and a2 stay unanswered (breached); one more arrives now and is still within target.
        server.tweet(accounts.get("amena"), "csv-a3", "Cliente a3", "¿Me llamáis?");
        List<Conversation> onServer = conversations(actions);
        assertThat(onServer).hasSize(customers.length + 1);

        // The lead's cache has caught up with every conversation's latest version.
        await(() -> onServer.stream().allMatch(s -> lead.cache().conversation(s.id())
                .map(c -> c.version() == serverVersion(actions, s.id())).orElse(false)));

        Instant now = Instant.now();
        SameThreadTaskRunner tasks = new SameThreadTaskRunner();
        vm = new DashboardViewModel(leadApi.me(), lead.cache(), lead.commands(), new MetricsApi(leadApi), tasks,
                new SimpleObjectProperty<>(now));
        vm.start();
        tasks.drainUntil(() -> vm.snapshotProperty().get() != null, WAIT);
        LiveSnapshot snapshot = vm.snapshotProperty().get();

        List<Map<String, String>> rows = csv(actions);
        assertThat(rows).hasSize(customers.length + 1);
        Instant dayStart = new LiveFigures().dayStart(now);
        Recount all = Recount.of(rows, now, dayStart);
        LiveMetrics m = snapshot.metrics();
        assertThat(m.serviceLevel().met()).isEqualTo(all.met);
        assertThat(m.serviceLevel().missed()).isEqualTo(all.missed);
        assertThat(m.serviceLevel().breached()).isEqualTo(all.slBreached);
        assertThat(m.serviceLevel().ratio()).isEqualTo(all.ratio());
        assertThat(m.backlog()).isEqualTo(all.backlog);
        assertThat(m.breached()).isEqualTo(all.breached);
        assertThat(m.oldestWaitingSince()).isEqualTo(all.oldestWaiting);
        // What the data must hold for the comparison to mean something.
        assertThat(all.met + all.missed).isEqualTo(5);
        assertThat(all.slBreached).isEqualTo(4);
        assertThat(all.backlog).isEqualTo(customers.length + 1 - 2);

        assertThat(groups(m.byBrandChannel(), b -> b.brandId() + "|" + b.channel().wireName()))
                .isEqualTo(Recount.grouped(rows, now, dayStart, r -> r.get("brand") + "|" + r.get("channel")));
        assertThat(groups(m.byQueue(), Breakdown::queueId))
                .isEqualTo(Recount.grouped(rows, now, dayStart, r -> r.get("queue")));
        assertThat(groups(m.byAgent(), Breakdown::agentId))
                .isEqualTo(Recount.grouped(rows, now, dayStart, r -> r.get("assignee")));

        // The server's own live figures (what analysts read) recount the same, at the instant it took them.
        LiveMetrics onServerNow = new MetricsApi(leadApi).live().orElseThrow();
        Recount atServer = Recount.of(csv(actions), onServerNow.at(), dayStart);
        assertThat(onServerNow.serviceLevel().met()).isEqualTo(atServer.met);
        assertThat(onServerNow.serviceLevel().missed()).isEqualTo(atServer.missed);
        assertThat(onServerNow.serviceLevel().breached()).isEqualTo(atServer.slBreached);
        assertThat(onServerNow.backlog()).isEqualTo(atServer.backlog);
        assertThat(onServerNow.breached()).isEqualTo(atServer.breached);
        assertThat(onServerNow.oldestWaitingSince()).isEqualTo(atServer.oldestWaiting);
    }

    /** Backlog, breached, met, missed and breached-for-service-level of each group, as text to compare. */
    private static Map<String, String> groups(List<Breakdown> rows, Function<Breakdown, String> key) {
        Map<String, String> result = new TreeMap<>();
        for (Breakdown b : rows) {
            result.put(key.apply(b), b.backlog() + "/" + b.breached() + "/" + b.serviceLevel().met() + "/"
                    + b.serviceLevel().missed() + "/" + b.serviceLevel().breached());
        }
        return result;
    }

    /** The recount, from the CSV's columns only, following DESIGN.md "SLA arithmetic". */
    static final class Recount {
        int met;
        int missed;
        int slBreached;
        int backlog;
        int breached;
        Instant oldestWaiting;

        static Recount of(List<Map<String, String>> rows, Instant now, Instant dayStart) {
            Recount r = new Recount();
            rows.forEach(row -> r.add(row, now, dayStart));
            return r;
        }

        static Map<String, String> grouped(List<Map<String, String>> rows, Instant now, Instant dayStart,
                                           Function<Map<String, String>, String> key) {
            Map<String, Recount> groups = new TreeMap<>();
            for (Map<String, String> row : rows) {
                String k = key.apply(row);
                if (k != null && !k.isEmpty()) {
                    groups.computeIfAbsent(k, x -> new Recount()).add(row, now, dayStart);
                }
            }
            Map<String, String> result = new TreeMap<>();
            groups.forEach((k, g) -> result.put(k, g.backlog + "/" + g.breached + "/" + g.met + "/" + g.missed + "/"
                    + g.slBreached));
            return result;
        }

        void add(Map<String, String> row, Instant now, Instant dayStart) {
            String status = row.get("status");
            boolean waitingOnUs = status.equals("NEW") || status.equals("OPEN");
            boolean active = waitingOnUs || status.equals("PENDING");
            Instant answered = instant(row.get("first_response_at"));
            Instant due = instant(row.get("first_response_due"));
            boolean endedToday = answered != null && !answered.isBefore(dayStart);
            boolean pastDue = answered == null && due != null && !now.isBefore(due);
            if (endedToday && row.get("first_response_met").equals("true")) {
                met++;
            } else if (endedToday && row.get("first_response_met").equals("false")) {
                missed++;
            } else if (active && pastDue) {
                slBreached++;
            }
            if (waitingOnUs) {
                backlog++;
                if (pastDue) {
                    breached++;
                }
                Instant created = instant(row.get("created_at"));
                if (answered == null && (oldestWaiting == null || created.isBefore(oldestWaiting))) {
                    oldestWaiting = created;
                }
            }
        }

        Double ratio() {
            int counted = met + missed + slBreached;
            return counted == 0 ? null : (double) met / counted;
        }

        private static Instant instant(String text) {
            return text == null || text.isEmpty() ? null : Instant.parse(text);
        }
    }

    // --- plain CSV (RFC 4180) -----------------------------------------------------------------

    private static List<Map<String, String>> csv(ApiClient api) throws Exception {
        String text = get(api, "/api/v1/export/conversations.csv");
        List<List<String>> records = parseCsv(text);
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), record.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    // --- the server, from outside ------------------------------------------------------------

    private static String get(ApiClient api, String path) throws Exception {
        Request request = new Request.Builder().url(api.base().resolve(path))
                .header("Authorization", "Bearer " + api.token()).build();
        try (Response r = api.http().newCall(request).execute()) {
            assertThat(r.code()).as(path).isEqualTo(200);
            return r.body().string();
        }
    }

    private static List<Conversation> conversations(ApiClient api) throws Exception {
        List<Conversation> all = new ArrayList<>();
        for (String status : List.of("NEW", "OPEN", "PENDING", "RESOLVED")) {
            all.addAll(Json.read(get(api, "/api/v1/conversations?limit=200&status=" + status)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), ConversationPage.class).items());
        }
        return all;
    }

    private static Map<String, String> customerToConversation(ApiClient api) throws Exception {
        Map<String, String> result = new HashMap<>();
        for (Conversation c : conversations(api)) {
            result.put(c.customerName().substring("Cliente ".length()), c.id());
        }
        return result;
    }

    private static long serverVersion(ApiClient api, String id) {
        try {
            return api.conversation(id).version();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(ApiClient api, String id) throws Exception {
        api.postMessage(id, UUID.randomUUID().toString(), new PostMessageRequest("reply", "Lo miramos ahora mismo.", true));
    }

    private static void status(ApiClient api, String id, String status) throws Exception {
        ObjectNode body = Json.MAPPER.createObjectNode().put("status", status);
        body.put("version", api.conversation(id).version());
        api.action(id, "status", body, UUID.randomUUID().toString());
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.sleep(50);
        }
    }
}
