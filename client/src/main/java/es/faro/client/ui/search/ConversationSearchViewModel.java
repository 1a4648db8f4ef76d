package es.faro.client.ui.search;

import es.faro.client.cache.CacheChange;
import es.faro.client.cache.CacheListener;
import es.faro.client.cache.CacheReader;
import es.faro.client.cache.SearchHit;
import es.faro.client.ui.common.TaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.model.Conversation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's search box: what the agent typed, searched in the local cache (so it works
 * offline), the matching conversations newest match first, and, when online and the cache finds few,
 * the server's search under them. While the box holds text the conversation list shows the results.
 *
 * <p>The view calls {@link #submit()} once typing pauses; the read runs in the background and its
 * result lands in one UI callback. An answer for a query the agent has since changed is dropped, and
 * a cache change while results are shown searches again so they stay current.
 */
public final class ConversationSearchViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationSearchViewModel.class);
    public static final int LIMIT = 50;

    /** Opens a conversation that is not in the cache: fetches it from the server and keeps it (blocking). */
    @FunctionalInterface
    public interface Fetcher {
        Conversation fetch(String conversationId) throws Exception;
    }

    private final CacheReader cache;
    private final TaskRunner tasks;
    private final Consumer<Conversation> open;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ReadOnlyStringWrapper searchedQuery = new ReadOnlyStringWrapper(this, "searchedQuery", "");
    private final BooleanBinding active;
    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();
    private final ObservableList<Conversation> conversations = FXCollections.observableArrayList();
    /** One read-only view of each, kept: listeners on a fresh wrapper per call would be dropped with it. */
    private final ObservableList<SearchHit> hitsView = FXCollections.unmodifiableObservableList(hits);
    private final ObservableList<Conversation> conversationsView = FXCollections.unmodifiableObservableList(conversations);
    private final Map<String, SearchHit> hitById = new HashMap<>();
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyBooleanWrapper searched = new ReadOnlyBooleanWrapper(this, "searched");
    private final ReadOnlyObjectWrapper<UiText> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final BooleanProperty online = new SimpleBooleanProperty(this, "online");
    private final CacheListener cacheListener = this::onCacheChange;
    private ServerSearchViewModel server;
    private Fetcher fetcher;
    /** Guards against a slow search landing after the agent typed on. */
    private long generation;
    private volatile boolean refreshQueued;
    /** Closed with the workstation: a search the box's pause fires afterwards does nothing. */
    private boolean closed;

    public ConversationSearchViewModel(CacheReader cache, TaskRunner tasks, Consumer<Conversation> open) {
        this.cache = cache;
        this.tasks = tasks;
        this.open = open;
        this.active = Bindings.createBooleanBinding(() -> !query.get().isBlank(), query);
        active.subscribe(on -> {
            if (!on) {
                generation++;
                show("", List.of());
                searched.set(false);
                searching.set(false);
            }
        });
    }

    /** Connects the server's search ("Search the server too") and the fetching of hits the cache lacks. */
    public void useServer(ServerSearchViewModel serverSearch, Fetcher fetch) {
        this.server = serverSearch;
        this.fetcher = fetch;
        serverSearch.onlineProperty().bind(online);
        serverSearch.queryProperty().bind(searchedQuery);
        serverSearch.localResultsProperty().bind(Bindings.size(hits));
    }

    public void start() {
        cache.addListener(cacheListener);
    }

    public void close() {
        closed = true;
        generation++;
        cache.removeListener(cacheListener);
    }

    // --- state -------------------------------------------------------------------------------

    /** The search box's text. */
    public StringProperty queryProperty() {
        return query;
    }

    /** The box holds text: the list shows results instead of the queue. */
    public BooleanBinding activeProperty() {
        return active;
    }

    /** The query the shown results are for (the empty state quotes it). */
    public ReadOnlyStringProperty searchedQueryProperty() {
        return searchedQuery.getReadOnlyProperty();
    }

    /** The matching conversations, newest match first, as rows for the conversation list. */
    public ObservableList<Conversation> conversations() {
        return conversationsView;
    }

    public ObservableList<SearchHit> hits() {
        return hitsView;
    }

    /** The hit behind a result row (its snippet and marked words), if the row is one. */
    public Optional<SearchHit> hit(String conversationId) {
        return Optional.ofNullable(hitById.get(conversationId));
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** Results for the current text are shown (possibly none: the empty state). */
    public ReadOnlyBooleanProperty searchedProperty() {
        return searched.getReadOnlyProperty();
    }

    /** Something to tell the agent (the search failed, a server hit could not be opened), or null. */
    public ReadOnlyObjectProperty<UiText> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the server is reachable: only then is the server's search offered. */
    public BooleanProperty onlineProperty() {
        return online;
    }

    /** The server search under the results, or null when there is none (not connected to a server). */
    public ServerSearchViewModel server() {
        return server;
    }

    // --- commands ----------------------------------------------------------------------------

    /** Searches the cache for the current text (the view calls it once typing pauses, or on Enter). */
    public void submit() {
        String q = query.get();
        if (q.isBlank() || closed) {
            return;
        }
        long ticket = ++generation;
        searching.set(true);
        message.set(null);
        tasks.run(() -> cache.search(q, LIMIT), found -> {
            if (ticket != generation) {
                return; // the agent typed on: a newer search is coming
            }
            searching.set(false);
            show(q.strip(), found);
            searched.set(true);
        }, e -> {
            if (ticket != generation) {
                return;
            }
            LOG.warn("searching the local cache failed", e);
            searching.set(false);
            show(q.strip(), List.of());
            searched.set(true);
            message.set(UiText.of("search.local.failed"));
        });
    }

    /** Empties the box: the list shows the queue again. */
    public void clear() {
        query.set("");
        message.set(null);
    }

    public void open(Conversation conversation) {
        if (conversation != null) {
            open.accept(conversation);
        }
    }

    /**
     * Opens a conversation by id (a server hit): from the cache when it holds it, else fetched from the
     * server and kept; when neither works the agent is told why in words.
     */
    public void openById(String conversationId) {
        if (conversationId == null || closed) {
            return;
        }
        Fetcher fetch = fetcher;
        message.set(null);
        Callable<Optional<Conversation>> read = () -> {
            Optional<Conversation> cached = cache.conversation(conversationId);
            if (cached.isPresent() || fetch == null) {
                return cached;
            }
            return Optional.ofNullable(fetch.fetch(conversationId));
        };
        tasks.run(read, found -> {
            if (found.isPresent()) {
                open.accept(found.get());
            } else {
                message.set(UiText.of("search.open.missing"));
            }
        }, e -> {
            LOG.warn("opening conversation {} from the server search failed", conversationId, e);
            message.set(UiText.of("search.open.failed"));
        });
    }

    public void dismissMessage() {
        message.set(null);
    }

    private void show(String q, List<SearchHit> found) {
        hitById.clear();
        for (SearchHit h : found) {
            hitById.put(h.conversation().id(), h);
        }
        // Hits first: the list's cells look their hit up as the rows change.
        hits.setAll(found);
        conversations.setAll(found.stream().map(SearchHit::conversation).toList());
        searchedQuery.set(q);
    }

    /** Writer thread: a burst of changes while results are shown becomes one new search. */
    private void onCacheChange(CacheChange change) {
        if (refreshQueued || (change.conversations().isEmpty() && change.threads().isEmpty())) {
            return;
        }
        refreshQueued = true;
        tasks.runOnUi(() -> {
            refreshQueued = false;
            if (active.get() && searched.get()) {
                submit();
            }
        });
    }
}
