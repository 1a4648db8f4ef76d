package es.faro.server.automation;

import es.faro.protocol.automation.LabelSuggestion;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;
import es.faro.server.channels.demo.TrafficCorpus;
import es.faro.server.http.ApiException;
import es.faro.server.store.Conversations;
import es.faro.server.store.Messages;
import es.faro.server.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intent classifier in service: trained from the demo corpus's topic labels and from conversations
 * agents labeled, kept in the database (latest model wins), retrained on demand. It suggests labels for a
 * conversation (shown in the thread header) and applies those above {@code applyThreshold} when a
 * conversation's first message arrives. Each retraining measures precision and recall on a held-out
 * split of the corpus (whole templates held out, so no near-duplicate leaks into the test).
 */
public final class ClassifierService {
    private static final Logger LOG = LoggerFactory.getLogger(ClassifierService.class);
    private static final Pattern SLOT = Pattern.compile("\\{([a-z]+)}");
    private static final List<String> BRANDS = List.of("Orange", "Jazztel", "Amena", "Simyo", "República Móvil");
    static final int TRAIN_FILLS = 6;
    static final int TEST_FILLS = 3;
    static final int MAX_AGENT_EXAMPLES = 5_000;

    private final Store store;
    private final Clock clock;
    private final double applyThreshold;
    private final double suggestThreshold;
    private final AtomicReference<IntentClassifier> current = new AtomicReference<>();
    /** The stored model in use (null: the corpus model built at start, never stored). */
    private final AtomicReference<String> currentId = new AtomicReference<>();
    private ModelWatch watch;
    private final AtomicReference<Report> lastReport = new AtomicReference<>();

    public ClassifierService(Store store, Clock clock, double applyThreshold, double suggestThreshold) {
        this.store = store;
        this.clock = clock;
        this.applyThreshold = applyThreshold;
        this.suggestThreshold = suggestThreshold;
    }

    /** What a training run produced: sizes and the held-out figures at both thresholds. */
    public record Report(Instant trainedAt, int trainingExamples, int agentExamples, List<String> labels,
                         IntentClassifier.Metrics atSuggest, IntentClassifier.Metrics atApply) {
    }

    /**
     * Loads the stored model, or trains one when there is none yet, and follows retraining on other
     * nodes: each committed batch (local, or announced by another node) makes {@link ModelWatch} look
     * at the latest stored model's id, and a new one is loaded.
     */
    public ClassifierService start() {
        Stored latest = store.read(ClassifierService::latest);
        if (latest != null) {
            IntentClassifier stored = latest.classifier();
            current.set(stored);
            currentId.set(latest.id());
            Split split = split(TrafficCorpus.load(), new Random(4));
            lastReport.set(new Report(clock.instant(), stored.model().documents().values().stream()
                    .mapToInt(Integer::intValue).sum(), 0, stored.model().labels(),
                    stored.evaluate(split.test(), suggestThreshold), stored.evaluate(split.test(), applyThreshold)));
        } else {
            train(false); // the corpus model is rebuilt at each start until an admin retrains: nothing to store
        }
        watch = new ModelWatch(this::reloadIfNewer);
        store.addCommitListener(watch::signal);
        return this;
    }

    /** Stops following other nodes' retraining (the server is closing). */
    public void close() {
        if (watch != null) {
            watch.close();
        }
    }

    /** The id of the stored model in use, or null for the corpus model built at start. */
    public String modelId() {
        return currentId.get();
    }

    /** Loads the latest stored model when it is not the one in use (another node retrained). */
    void reloadIfNewer() {
        String latestId = store.read(ClassifierService::latestId);
        if (latestId == null || latestId.equals(currentId.get())) {
            return;
        }
        Stored latest = store.read(ClassifierService::latest);
        if (latest == null) {
            return;
        }
        synchronized (this) {
            current.set(latest.classifier());
            currentId.set(latest.id());
        }
        LOG.info("intent classifier {} loaded (retrained on another node)", latest.id());
    }

    public IntentClassifier classifier() {
        return current.get();
    }

    public Report lastReport() {
        return lastReport.get();
    }

    public double applyThreshold() {
        return applyThreshold;
    }

    /** Trains from the corpus's training split and the agents' labeled conversations, stores and uses it. */
    public Report retrain() {
        return train(true);
    }

    private Report train(boolean keep) {
        TrafficCorpus corpus = TrafficCorpus.load();
        Split split = split(corpus, new Random(4));
        Set<String> intents = new LinkedHashSet<>();
        corpus.topics().values().forEach(t -> intents.add(t.label()));
        List<IntentClassifier.Example> agents = store.read(c -> agentExamples(c, intents));
        List<IntentClassifier.Example> training = new ArrayList<>(split.train());
        training.addAll(agents);
        IntentClassifier trained = IntentClassifier.train(training);
        Instant now = clock.instant();
        String id = keep ? store(trained, now) : null;
        synchronized (this) {
            current.set(trained);
            currentId.set(id);
        }
        Report report = new Report(now, training.size(), agents.size(), trained.model().labels(),
                trained.evaluate(split.test(), suggestThreshold), trained.evaluate(split.test(), applyThreshold));
        lastReport.set(report);
        LOG.info("intent classifier trained on {} examples ({} from agents); held-out precision {} recall {}",
                training.size(), agents.size(), String.format("%.3f", report.atSuggest().precision()),
                String.format("%.3f", report.atSuggest().recall()));
        return report;
    }

    /**
     * Stores the model with an event in the same transaction: the event's commit is what wakes the
     * other nodes (NOTIFY on PostgreSQL), which then load the model from the table.
     */
    private String store(IntentClassifier trained, Instant now) {
        String id = "model-" + UUID.randomUUID();
        es.faro.server.audit.AuditOrigin.Origin origin = es.faro.server.audit.AuditOrigin.current();
        store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO classifier_models (id, trained_at, json) VALUES (?, ?, ?)")) {
                ps.setString(1, id);
                ps.setLong(2, now.toEpochMilli());
                ps.setString(3, Json.write(trained.model()));
                ps.executeUpdate();
            }
            es.faro.server.store.EventLog.append(c, es.faro.protocol.event.EventType.CLASSIFIER_TRAINED, now, null,
                    null, Map.of("id", id, "trainedAt", now));
            if (origin.actor() != null) { // an admin's retrain (the start-up training has no actor)
                es.faro.server.audit.AuditLog.append(c, now, origin.actor().id(), "classifier.train", id,
                        origin.address(), null);
            }
            return null;
        }).join();
        return id;
    }

    /** The suggestions for a conversation the agent may see: labels it lacks, above the suggest threshold. */
    public LabelSuggestion suggest(Agent agent, String conversationId) {
        return store.read(c -> {
            Conversation conv = Conversations.find(c, conversationId)
                    .filter(cv -> agent.canSee(cv.brandId(), cv.channel()))
                    .orElseThrow(() -> ApiException.notFound("no conversation " + conversationId));
            String text = Messages.ofConversation(c, conv.id()).stream().filter(m -> m.kind() == MessageKind.IN)
                    .map(Message::body).collect(Collectors.joining("\n"));
            List<LabelSuggestion.Scored> scored = new ArrayList<>();
            for (IntentClassifier.Scored s : classifier().classify(text)) {
                if (s.confidence() >= suggestThreshold && !conv.labels().contains(s.label()) && scored.size() < 3) {
                    scored.add(new LabelSuggestion.Scored(s.label(), Math.round(s.confidence() * 1000) / 1000.0));
                }
            }
            return new LabelSuggestion(conv.id(), scored, List.of());
        });
    }

    /** The labels confident enough to apply to a conversation from its text. */
    public List<String> toApply(String text) {
        IntentClassifier c = classifier();
        if (c == null) {
            return List.of();
        }
        return c.classify(text).stream().filter(s -> s.confidence() >= applyThreshold)
                .map(IntentClassifier.Scored::label).toList();
    }

    // --- training data ---------------------------------------------------------------------------

    /** The corpus split: per topic every fourth Spanish template and the second English one are held out. */
    public record Split(List<IntentClassifier.Example> train, List<IntentClassifier.Example> test) {
    }

    public static Split split(TrafficCorpus corpus, Random random) {
        List<IntentClassifier.Example> train = new ArrayList<>();
        List<IntentClassifier.Example> test = new ArrayList<>();
        for (TrafficCorpus.Topic topic : new TreeMap<>(corpus.topics()).values()) {
            List<String> templates = new ArrayList<>();
            new TreeMap<>(topic.es()).values().forEach(templates::addAll);
            for (int i = 0; i < templates.size(); i++) {
                add(i % 4 == 3 ? test : train, corpus, topic, templates.get(i), i % 4 == 3 ? TEST_FILLS : TRAIN_FILLS,
                        random);
            }
            for (int i = 0; i < topic.en().size(); i++) {
                add(i % 2 == 1 ? test : train, corpus, topic, topic.en().get(i), i % 2 == 1 ? TEST_FILLS : TRAIN_FILLS,
                        random);
            }
        }
        return new Split(train, test);
    }

    private static void add(List<IntentClassifier.Example> into, TrafficCorpus corpus, TrafficCorpus.Topic topic,
                            String template, int fills, Random random) {
        for (int f = 0; f < fills; f++) {
            into.add(new IntentClassifier.Example(fill(corpus, template, random), Set.of(topic.label())));
        }
    }

    private static String fill(TrafficCorpus corpus, String template, Random random) {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> values = m.group(1).equals("brand") ? BRANDS : corpus.slots().getOrDefault(m.group(1), List.of());
            String value = values.isEmpty() ? "" : values.get(random.nextInt(values.size()));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Conversations agents labeled with an intent label: the text of their customer messages. */
    static List<IntentClassifier.Example> agentExamples(Connection c, Set<String> intents) throws SQLException {
        List<IntentClassifier.Example> result = new ArrayList<>();
        List<Conversation> labeled = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT json FROM conversations ORDER BY updated_at DESC LIMIT " + (MAX_AGENT_EXAMPLES * 4));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next() && labeled.size() < MAX_AGENT_EXAMPLES) {
                Conversation conv = Json.read(rs.getString(1), Conversation.class);
                if (conv.labels().stream().anyMatch(intents::contains)) {
                    labeled.add(conv);
                }
            }
        }
        for (Conversation conv : labeled) {
            String text = Messages.ofConversation(c, conv.id()).stream().filter(m -> m.kind() == MessageKind.IN)
                    .map(Message::body).collect(Collectors.joining("\n"));
            Set<String> labels = conv.labels().stream().filter(intents::contains).collect(Collectors.toSet());
            if (!text.isBlank()) {
                result.add(new IntentClassifier.Example(text, labels));
            }
        }
        return result;
    }

    /** A stored model and its id. */
    private record Stored(String id, IntentClassifier classifier) {
    }

    private static Stored latest(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, json FROM classifier_models ORDER BY trained_at DESC, id DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new Stored(rs.getString(1),
                    new IntentClassifier(Json.read(rs.getString(2), IntentClassifier.Model.class))) : null;
        }
    }

    /** Only the id: what the watch reads on every commit (the model itself is read when it changed). */
    private static String latestId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM classifier_models ORDER BY trained_at DESC, id DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static Map<String, Object> describe(Report r) {
        return Map.of("trainedAt", r.trainedAt(), "trainingExamples", r.trainingExamples(),
                "agentExamples", r.agentExamples(), "labels", r.labels(), "heldOut", Map.of(
                        "examples", r.atSuggest().examples(),
                        "atSuggestThreshold", r.atSuggest(), "atApplyThreshold", r.atApply()));
    }
}
