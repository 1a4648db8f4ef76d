package es.faro.client.ui.automation;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.support.LiveServer;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.AutomationApi;
import es.faro.client.ui.common.SameThreadTaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.automation.AutomationRule;
import es.faro.protocol.api.ConversationPage;
import es.faro.protocol.event.Event;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationPresence;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The automation view models against a real server (no stage): customer panel, suggestions, presence. */
class AutomationViewModelsTest {
    @TempDir
    Path dir;
    LiveServer server;
    ApiClient ana;
    final SameThreadTaskRunner tasks = new SameThreadTaskRunner();

    @BeforeEach
    void start() throws Exception {
        server = new LiveServer(dir);
        String orange = server.twitterAccountOf("orange");
        server.tweet(orange, "8101", "Marta Gil", "Me habéis cobrado dos veces la factura de este mes");
        server.tweet(orange, "8102", "Marta G.", "Sigo sin respuesta de lo de la factura");
        ana = server.signedIn("ana");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Conversation conversationOf(String name) throws Exception {
        for (Conversation c : ana.bootstrap(null).conversations()) {
            if (name.equals(c.customerName())) {
                return c;
            }
        }
        throw new AssertionError("no conversation of " + name);
    }

    /**
     * Marta's public tweet is resolved by Lucía; the embedded server posts the link survey (demo delay:
     * seconds); Marta answers 4 through the link; the panel's profile carries that CSAT.
     */
    @Test
    void customerPanelShowsTheCsatOfTheProfile() throws Exception {
        ApiClient lead = server.signedIn("lucia");
        Conversation marta = conversationOf("Marta Gil");
        String resolve = "{\"status\":\"RESOLVED\",\"version\":" + marta.version() + "}";
        assertThat(send(lead, "/api/v1/conversations/" + marta.id() + "/status", resolve)).isEqualTo(200);
        java.util.regex.Pattern link = java.util.regex.Pattern.compile("/api/v1/surveys/([A-Za-z0-9_-]{20,})");
        String token = null;
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (token == null && System.nanoTime() < deadline) {
            for (com.fasterxml.jackson.databind.JsonNode m : server.messages(marta.id())) {
                java.util.regex.Matcher found = link.matcher(m.path("body").asText());
                if (m.path("survey").asBoolean(false) && m.path("kind").asText().equals("OUT") && found.find()) {
                    token = found.group(1);
                }
            }
            if (token == null) {
                Thread.sleep(200);
            }
        }
        assertThat(token).as("the survey link was posted").isNotNull();
        assertThat(send(null, "/api/v1/surveys/" + token + "/response", "{\"rating\":4,\"comment\":\"Rápido\"}"))
                .isEqualTo(200);

        CustomerPanelViewModel vm = new CustomerPanelViewModel(new AutomationApi(ana), tasks);
        vm.open(marta); // resolved: no longer in the open bootstrap
        tasks.drain();
        es.faro.protocol.automation.CustomerProfile.Csat csat = vm.profileProperty().get().csat();
        assertThat(csat).isNotNull();
        assertThat(csat.sent()).isEqualTo(1);
        assertThat(csat.ratings()).isEqualTo(1);
        assertThat(csat.average()).isEqualTo(4.0);
        assertThat(csat.recent()).hasSize(1);
        assertThat(csat.recent().get(0).rating()).isEqualTo(4);
        assertThat(csat.recent().get(0).comment()).isEqualTo("Rápido");
        assertThat(csat.recent().get(0).conversationId()).isEqualTo(marta.id());
        assertThat(csat.satisfied()).isEqualTo(1);
        String shown = CustomerPanelView.csatText(csat, new es.faro.client.ui.common.I18n(),
                java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.withZone(java.time.ZoneOffset.UTC));
        assertThat(shown).startsWith("CSAT 100 % (1 de 1 valoraciones de 4–5) · media 4,0/5\n"
                + "Encuestas: 1 enviadas, 1 respondidas (100 % de respuesta)\n4/5 el ");
    }

    private int send(ApiClient as, String path, String json) throws Exception {
        okhttp3.Request.Builder b = new okhttp3.Request.Builder().url(server.uri().resolve(path).toString())
                .post(okhttp3.RequestBody.create(json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        okhttp3.MediaType.get("application/json")));
        if (as != null) {
            b.header("Authorization", "Bearer " + as.token());
        }
        try (okhttp3.Response r = as == null ? new okhttp3.OkHttpClient().newCall(b.build()).execute()
                : as.http().newCall(b.build()).execute()) {
            return r.code();
        }
    }

    @Test
    void customerPanelMergesSearchesAndUndoes() throws Exception {
        CustomerPanelViewModel vm = new CustomerPanelViewModel(new AutomationApi(ana), tasks);
        vm.open(conversationOf("Marta Gil"));
        tasks.drain();
        assertThat(vm.profileProperty().get().conversations()).hasSize(1);
        assertThat(vm.profileProperty().get().csat()).as("no CSAT data: the panel says so").isNull();

        vm.queryProperty().set("8102");
        vm.search();
        tasks.drain();
        assertThat(vm.results()).extracting(c -> c.channelUserId()).containsExactly("8102");
        vm.merge(vm.results().get(0));
        tasks.drain();
        assertThat(vm.profileProperty().get().identities()).hasSize(2);
        assertThat(vm.profileProperty().get().conversations()).hasSize(2);
        assertThat(vm.profileProperty().get().merges()).hasSize(1);
        assertThat(vm.profileProperty().get().merges().get(0).undoneAt()).isNull();
        assertThat(vm.results()).isEmpty();

        vm.undo(vm.profileProperty().get().merges().get(0));
        tasks.drain();
        assertThat(vm.profileProperty().get().identities()).hasSize(1);
        assertThat(vm.errorProperty().get()).isNull();
    }

    @Test
    void suggestionsComeFromTheServerAndAcceptingAddsTheLabel() throws Exception {
        List<String> added = new ArrayList<>();
        SuggestionsViewModel vm = new SuggestionsViewModel(new AutomationApi(ana)::suggestions, tasks, added::add);
        Conversation conv = conversationOf("Marta G.");
        vm.open(conv);
        tasks.drain();
        assertThat(vm.suggestions()).as("the classifier has something to say about a billing complaint").isNotEmpty();
        assertThat(vm.suggestions()).noneMatch(s -> conv.labels().contains(s.label()));
        var first = vm.suggestions().get(0);
        vm.accept(first);
        tasks.drain();
        assertThat(added).containsExactly(first.label());
        assertThat(vm.suggestions()).doesNotContain(first);
    }

    @Test
    void presenceTakesRenewsAndLetsLeasesLapseAndShowsOthersFromEvents() throws Exception {
        Conversation conv = conversationOf("Marta Gil");
        List<String> calls = new ArrayList<>();
        AutomationApi api = new AutomationApi(ana);
        PresenceViewModel vm = new PresenceViewModel("u-ana", (id, viewing, typing) -> {
            calls.add(viewing + "/" + typing);
            return api.presence(id, viewing, typing);
        }, tasks, id -> id.equals("u-lucia") ? "Lucía" : id);
        Instant t0 = Instant.now();
        vm.tick(t0);
        tasks.drain();
        vm.open(conv);
        tasks.drain();
        vm.typed();
        tasks.drain();
        vm.tick(t0.plusSeconds(3));
        tasks.drain();
        vm.tick(t0.plusSeconds(7)); // idle for more than 5 s: typing stops
        tasks.drain();
        vm.tick(t0.plusSeconds(18)); // renewal
        tasks.drain();
        assertThat(calls).containsExactly("true/false", "true/true", "true/false", "true/false");

        ConversationPresence lucia = new AutomationApi(server.signedIn("lucia")).presence(conv.id(), true, true);
        Event event = new Event(1, "presence.updated", t0, Json.MAPPER.valueToTree(lucia));
        vm.onEvents(List.of(event));
        tasks.drain();
        vm.tick(Instant.now());
        tasks.drain();
        assertThat(vm.others()).containsExactly(new PresenceViewModel.Entry("u-lucia", "Lucía", true));
        vm.tick(Instant.now().plusSeconds(60));
        tasks.drain();
        assertThat(vm.others()).as("lapsed by themselves").isEmpty();
        vm.open(null);
        tasks.drain();
        assertThat(calls).last().isEqualTo("false/false");
    }

    @Test
    void rulesEditorListsCreatesRefusesReordersAndDeletesRules() throws Exception {
        RulesAdminViewModel vm = new RulesAdminViewModel(new AutomationApi(server.signedIn("admin")), tasks);
        vm.load();
        tasks.drain();
        assertThat(vm.rules()).hasSize(6);
        vm.select(vm.rules().get(0));
        assertThat(vm.conditions()).anyMatch(c -> c.fieldProperty().get().equals("tone")
                && c.toCondition().values().equals(List.of("angry")));

        vm.newRule();
        vm.nameProperty().set("Router");
        ConditionRow text = vm.conditions().get(0);
        text.fieldProperty().set("text");
        text.textProperty().set("router, módem");
        ConditionRow brand = vm.addCondition();
        brand.choices().setAll("orange", "jazztel");
        vm.actions().get(0).valueProperty().set("router");
        vm.addAction().typeProperty().set("raise_priority");
        vm.save();
        tasks.drain();
        tasks.drain();
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.rules()).hasSize(7);
        assertThat(vm.selectedProperty().get().position()).isEqualTo(6);
        assertThat(vm.selectedProperty().get().conditions().get(0)).isEqualTo(
                new AutomationRule.Condition("text", "contains", List.of("router", "módem")));
        assertThat(vm.selectedProperty().get().actions()).containsExactly(
                new AutomationRule.Action("add_label", "router"), new AutomationRule.Action("raise_priority", null));

        vm.move(-1);
        tasks.drain();
        tasks.drain();
        assertThat(vm.rules().get(5).name()).isEqualTo("Router");

        // Without the pickers' lists the client cannot know the label: the server's words are shown.
        vm.actions().get(0).valueProperty().set("no-such-label");
        vm.save();
        tasks.drain();
        assertThat(vm.errorProperty().get().key()).isEqualTo("automation.rules.error.save");
        assertThat(vm.serverMessageProperty().get()).contains("no-such-label");

        vm.delete();
        tasks.drain();
        tasks.drain();
        assertThat(vm.rules()).hasSize(6).noneMatch(r -> r.name().equals("Router"));
        assertThat(new AutomationApi(ana).presence(conversationOf("Marta Gil").id(), true, false).leases()).hasSize(1);
    }

    private RuleOptions options() throws Exception {
        es.faro.client.sync.ApiClient admin = server.signedIn("admin");
        es.faro.protocol.model.ReferenceData ref = admin.bootstrap(null).reference();
        es.faro.protocol.model.CannedResponse greeting = new es.faro.protocol.model.CannedResponse("cr-es-saludo",
                null, "es", null, "Saludo", "hola", "Hola {{customer.name}}", null, null, 0);
        return new RuleOptions(ref.brands(), ref.labels(), ref.queues(), ref.agents(), List.of(greeting));
    }

    @Test
    void rowsAreAddedMovedAndRemovedAndEachFieldOffersTheOperatorsTheServerTakes() throws Exception {
        RulesAdminViewModel vm = new RulesAdminViewModel(new AutomationApi(server.signedIn("admin")), tasks,
                this::options);
        assertThat(vm.conditions()).hasSize(1);
        assertThat(vm.actions()).hasSize(1);
        ConditionRow first = vm.conditions().get(0);
        ConditionRow second = vm.addCondition();
        vm.moveCondition(second, -1);
        assertThat(vm.conditions()).containsExactly(second, first);
        vm.moveCondition(second, -1); // already first: stays
        assertThat(vm.conditions()).containsExactly(second, first);
        vm.removeCondition(first);
        assertThat(vm.conditions()).containsExactly(second);

        second.fieldProperty().set("text");
        assertThat(second.opProperty().get()).isEqualTo("contains");
        second.opProperty().set("regex");
        second.textProperty().set("fibra, adsl");
        assertThat(second.values()).containsExactly("fibra, adsl"); // a pattern keeps its commas
        second.fieldProperty().set("followers");
        assertThat(second.opProperty().get()).isEqualTo("gte");
        assertThat(second.textProperty().get()).isEmpty();
        second.fieldProperty().set("time");
        second.fromProperty().set("22:00");
        second.toProperty().set("07:30");
        assertThat(second.toCondition()).isEqualTo(new AutomationRule.Condition("time", "in", List.of("22:00-07:30")));
        assertThat(ConditionRow.ops("brand")).containsExactly("in", "not_in");

        ActionRow a = vm.actions().get(0);
        ActionRow b = vm.addAction();
        vm.moveAction(b, -1);
        assertThat(vm.actions()).containsExactly(b, a);
        a.valueProperty().set("fibra");
        a.typeProperty().set("set_priority");
        assertThat(a.valueProperty().get()).isNull(); // a label means nothing as a priority
    }

    @Test
    void invalidRulesAreRefusedInWordsBeforeSaving() throws Exception {
        RulesAdminViewModel vm = new RulesAdminViewModel(new AutomationApi(server.signedIn("admin")), tasks,
                this::options);
        vm.load();
        tasks.drain();
        int before = vm.rules().size();

        vm.save();
        assertThat(vm.errorProperty().get().key()).isEqualTo("automation.rules.problem.name");
        vm.nameProperty().set("Noches");
        vm.save();
        assertThat(vm.errorProperty().get()).isEqualTo(UiText.of("automation.rules.problem.empty.brand", 1));
        ConditionRow time = vm.conditions().get(0);
        time.fieldProperty().set("time");
        time.fromProperty().set("9:00");
        time.toProperty().set("18:00");
        vm.save();
        assertThat(vm.errorProperty().get()).isEqualTo(
                UiText.of("automation.rules.problem.value.time", 1, "9:00-18:00"));
        time.fromProperty().set("09:00");
        ConditionRow regex = vm.addCondition();
        regex.fieldProperty().set("text");
        regex.opProperty().set("regex");
        regex.textProperty().set("(fibra");
        vm.save();
        assertThat(vm.errorProperty().get()).isEqualTo(UiText.of("automation.rules.problem.value.text", 2, "(fibra"));
        regex.textProperty().set("(?i)fibra");
        vm.save();
        assertThat(vm.errorProperty().get()).isEqualTo(UiText.of("automation.rules.problem.actionValue.add_label", 1));
        vm.actions().get(0).valueProperty().set("no-existe");
        vm.save();
        assertThat(vm.errorProperty().get()).isEqualTo(
                UiText.of("automation.rules.problem.actionUnknown.add_label", 1, "no-existe"));
        vm.actions().get(0).typeProperty().set("auto_reply");
        vm.actions().get(0).valueProperty().set("cr-es-saludo");
        vm.triggerProperty().set(AutomationRule.ON_CHANGE);
        vm.save();
        assertThat(vm.errorProperty().get()).isEqualTo(UiText.of("automation.rules.problem.autoReplyTrigger", 1));
        vm.actions().clear();
        vm.save();
        assertThat(vm.errorProperty().get().key()).isEqualTo("automation.rules.problem.noAction");
        tasks.drain();
        assertThat(new AutomationApi(server.signedIn("admin")).rules()).hasSize(before);

        vm.addAction().valueProperty().set("fibra");
        vm.save();
        tasks.drain();
        tasks.drain();
        assertThat(vm.errorProperty().get()).isNull();
        AutomationRule saved = new AutomationApi(server.signedIn("admin")).rules().stream()
                .filter(r -> r.name().equals("Noches")).findFirst().orElseThrow();
        assertThat(saved.trigger()).isEqualTo(AutomationRule.ON_CHANGE);
        assertThat(saved.conditions()).containsExactly(
                new AutomationRule.Condition("time", "in", List.of("09:00-18:00")),
                new AutomationRule.Condition("text", "regex", List.of("(?i)fibra")));
    }
}
