package es.faro.client.ui.canned;

import es.faro.client.cache.CacheChange;
import es.faro.client.cache.CacheListener;
import es.faro.client.cache.CacheReader;
import es.faro.client.ui.common.TaskRunner;
import es.faro.protocol.canned.CannedTemplate;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.CannedResponse;
import es.faro.protocol.model.Conversation;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /} picker of the composer. Typing {@code /} at the start of a line or after a space
 * opens it; the letters after the slash (up to the caret) are the fuzzy query over the canned
 * responses of the conversation's brand and language, read from the local cache (so it works
 * offline). Accepting one replaces {@code /query} with its body: placeholders filled, prompted
 * variables asked first (the view asks, then calls {@link #complete}). Several can be stacked.
 */
public final class CannedPickerViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(CannedPickerViewModel.class);
    static final int LIMIT = 30;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Agent me;
    private final StringProperty text;
    private final ObservableValue<Conversation> conversation;
    private final Function<String, Optional<Brand>> brands;
    private final TaskRunner tasks;
    private final ZoneId zone;
    private final ObservableList<CannedResponse> items = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyStringWrapper query = new ReadOnlyStringWrapper(this, "query", "");
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(this, "selected", -1);
    private final ReadOnlyObjectWrapper<CannedSearch> search =
            new ReadOnlyObjectWrapper<>(this, "search", CannedSearch.empty());
    private final AtomicLong generation = new AtomicLong();
    private final CacheListener listener = this::onCacheChange;
    private Consumer<String> usageRecorder = id -> { };
    private CacheReader cache;
    private int triggerStart = -1;
    private int triggerEnd = -1;

    /** A chosen response waiting for the answers to its prompted variables. */
    public record Pending(CannedResponse response, int start, int end, List<String> prompts) {
    }

    /**
     * @param text         the composer's text
     * @param conversation the conversation being answered (brand, language, customer)
     * @param brands       brand by id, for {@code {{brand}}}
     */
    public CannedPickerViewModel(Agent me, StringProperty text, ObservableValue<Conversation> conversation,
                                 Function<String, Optional<Brand>> brands, TaskRunner tasks, ZoneId zone) {
        this.me = me;
        this.text = text;
        this.conversation = conversation;
        this.brands = brands;
        this.tasks = tasks;
        this.zone = zone;
        conversation.addListener((o, was, now) -> close());
    }

    // --- library -----------------------------------------------------------------------------

    /** Reads the cached canned responses now and again whenever they change. */
    public void start(CacheReader reader) {
        this.cache = reader;
        reader.addListener(listener);
        reload();
    }

    public void close(CacheReader reader) {
        reader.removeListener(listener);
    }

    private void onCacheChange(CacheChange change) {
        if (change.cannedResponses()) {
            reload();
        }
    }

    private void reload() {
        long g = generation.incrementAndGet();
        tasks.run(this::read, s -> {
            if (g == generation.get()) {
                setSearch(s);
            }
        }, this::failed);
    }

    private CannedSearch read() {
        return new CannedSearch(cache.cannedResponses(), me.id());
    }

    private void failed(Throwable e) {
        LOG.warn("reading canned responses from the cache failed", e);
    }

    /** Replaces what the picker searches (tests and the bench feed it directly). */
    public void setSearch(CannedSearch s) {
        search.set(s);
        if (open.get()) {
            filter();
        }
    }

    public ReadOnlyObjectProperty<CannedSearch> searchProperty() {
        return search.getReadOnlyProperty();
    }

    /** Sends a counted use to the server (best effort). */
    public void useUsageRecorder(Consumer<String> recorder) {
        this.usageRecorder = recorder;
    }

    // --- state -------------------------------------------------------------------------------

    public ObservableList<CannedResponse> items() {
        return items;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty queryProperty() {
        return query.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    // --- the trigger -------------------------------------------------------------------------

    /** Called as the agent types or moves the caret: opens, narrows or closes the picker. */
    public void caretMoved(String current, int caret) {
        int slash = triggerAt(current, caret);
        if (slash < 0 || conversation.getValue() == null) {
            close();
            return;
        }
        triggerStart = slash;
        triggerEnd = caret;
        query.set(current.substring(slash + 1, caret));
        filter();
        open.set(true);
    }

    /** The index of the {@code /} that starts the word ending at the caret, or -1. */
    static int triggerAt(String s, int caret) {
        if (s == null || caret <= 0 || caret > s.length()) {
            return -1;
        }
        for (int i = caret - 1; i >= 0; i--) {
            char ch = s.charAt(i);
            if (Character.isWhitespace(ch)) {
                return -1;
            }
            if (ch == '/') {
                return i == 0 || Character.isWhitespace(s.charAt(i - 1)) ? i : -1;
            }
        }
        return -1;
    }

    /** The current matches for {@code q} in the open conversation's brand and language. */
    public List<CannedSearch.Hit> matches(String q) {
        Conversation c = conversation.getValue();
        return search.get().search(q, c == null ? null : c.brandId(), c == null ? null : c.language(), LIMIT);
    }

    private void filter() {
        List<CannedResponse> found = matches(query.get()).stream().map(CannedSearch.Hit::response).toList();
        items.setAll(found);
        selected.set(found.isEmpty() ? -1 : 0);
    }

    public void move(int delta) {
        if (!items.isEmpty()) {
            selected.set(Math.max(0, Math.min(items.size() - 1, selected.get() + delta)));
        }
    }

    public void select(int index) {
        if (index >= 0 && index < items.size()) {
            selected.set(index);
        }
    }

    public void close() {
        open.set(false);
        triggerStart = -1;
        triggerEnd = -1;
    }

    // --- inserting ---------------------------------------------------------------------------

    /** Takes the selected response (closing the picker); empty when none is selected. */
    public Optional<Pending> accept() {
        int i = selected.get();
        if (!open.get() || i < 0 || i >= items.size()) {
            return Optional.empty();
        }
        Pending p = new Pending(items.get(i), triggerStart, triggerEnd, CannedTemplate.prompts(items.get(i).body()));
        close();
        return Optional.of(p);
    }

    /** For inserting a response chosen elsewhere (the palette): at the end of what is typed. */
    public Pending atEnd(CannedResponse response) {
        String t = text.get() == null ? "" : text.get();
        return new Pending(response, t.length(), t.length(), CannedTemplate.prompts(response.body()));
    }

    /**
     * Puts the filled body in place of the trigger (or at the end); returns the caret position just
     * after it. Answers are by question; a missing answer leaves {@code {{ask:…}}} for the agent.
     */
    public int complete(Pending p, Map<String, String> answers) {
        String filled = CannedTemplate.fill(p.response().body(), values(), answers);
        String t = text.get() == null ? "" : text.get();
        int start = Math.min(p.start(), t.length());
        int end = Math.max(start, Math.min(p.end(), t.length()));
        String before = t.substring(0, start);
        if (!before.isEmpty() && !Character.isWhitespace(before.charAt(before.length() - 1))) {
            before = before + " ";
        }
        String result = before + filled + t.substring(end);
        text.set(result);
        usageRecorder.accept(p.response().id());
        return before.length() + filled.length();
    }

    /** What the placeholders of the open conversation resolve to. */
    public Map<String, String> values() {
        Map<String, String> v = new HashMap<>();
        Conversation c = conversation.getValue();
        v.put(CannedTemplate.AGENT_NAME, me.name());
        v.put(CannedTemplate.AGENT_FIRST_NAME, CannedTemplate.firstName(me.name()));
        ZonedDateTime now = ZonedDateTime.now(zone);
        v.put(CannedTemplate.DATE, DATE.format(now));
        v.put(CannedTemplate.TIME, TIME.format(now));
        if (c != null) {
            v.put(CannedTemplate.CUSTOMER_NAME, c.customerName());
            v.put(CannedTemplate.CUSTOMER_FIRST_NAME, CannedTemplate.firstName(c.customerName()));
            v.put(CannedTemplate.CUSTOMER_HANDLE, c.customerHandle() == null ? null
                    : c.customerHandle().startsWith("@") ? c.customerHandle() : "@" + c.customerHandle());
            v.put(CannedTemplate.BRAND, brands.apply(c.brandId()).map(Brand::name).orElse(null));
            v.put(CannedTemplate.CHANNEL, c.channel() == null ? null : c.channel().name());
            v.put(CannedTemplate.CONVERSATION_ID, c.id());
        }
        return v;
    }
}
