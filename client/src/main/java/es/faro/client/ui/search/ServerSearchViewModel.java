package es.faro.client.ui.search;

import es.faro.client.sync.ApiException;
import es.faro.client.sync.SearchApi;
import es.faro.client.ui.common.TaskRunner;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Search the server too": the local search reads only the cache, which holds what this agent synced.
 * When online and the local search finds few results, this offers the server's full-text search
 * (GET /api/v1/search, scoped by the server) and lists its hits, page by page; choosing one opens the
 * conversation. A new query drops the previous results and ignores answers that arrive for an old one.
 */
public final class ServerSearchViewModel {
    /** Fewer local results than this and the server is offered. */
    public static final int FEW = 3;
    static final int PAGE = 20;

    private final SearchApi api;
    private final TaskRunner tasks;
    private final Consumer<String> openConversation;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final IntegerProperty localResults = new SimpleIntegerProperty(this, "localResults");
    private final BooleanProperty online = new SimpleBooleanProperty(this, "online");
    private final ObservableList<SearchApi.Hit> results = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyBooleanWrapper searched = new ReadOnlyBooleanWrapper(this, "searched");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ReadOnlyStringWrapper errorKey = new ReadOnlyStringWrapper(this, "errorKey");
    private final ReadOnlyStringWrapper errorDetail = new ReadOnlyStringWrapper(this, "errorDetail");
    private final BooleanBinding offered;
    private String next;

    public ServerSearchViewModel(SearchApi api, TaskRunner tasks, Consumer<String> openConversation) {
        this.api = api;
        this.tasks = tasks;
        this.openConversation = openConversation;
        this.offered = Bindings.createBooleanBinding(() -> online.get() && hasWord(query.get())
                        && localResults.get() < FEW && !searched.get() && !searching.get(),
                online, query, localResults, searched, searching);
        query.addListener((o, was, now) -> reset());
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** How many results the local search found for the current query. */
    public IntegerProperty localResultsProperty() {
        return localResults;
    }

    public BooleanProperty onlineProperty() {
        return online;
    }

    /** Whether to show "Search the server too". */
    public BooleanBinding offeredProperty() {
        return offered;
    }

    public ObservableList<SearchApi.Hit> results() {
        return results;
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** The server answered for the current query (its results, possibly none, are shown). */
    public ReadOnlyBooleanProperty searchedProperty() {
        return searched.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    /** A bundle key when the last search failed, else null. */
    public ReadOnlyStringProperty errorKeyProperty() {
        return errorKey.getReadOnlyProperty();
    }

    /** The server's own words for a refused query (e.g. too long), else null. */
    public ReadOnlyStringProperty errorDetailProperty() {
        return errorDetail.getReadOnlyProperty();
    }

    public void searchServer() {
        if (!online.get() || !hasWord(query.get()) || searching.get()) {
            return;
        }
        results.clear();
        next = null;
        fetch();
    }

    public void loadMore() {
        if (hasMore.get() && !searching.get()) {
            fetch();
        }
    }

    public void open(SearchApi.Hit hit) {
        if (hit != null) {
            openConversation.accept(hit.conversationId());
        }
    }

    private void fetch() {
        String q = query.get().strip();
        String cursor = next;
        searching.set(true);
        errorKey.set(null);
        errorDetail.set(null);
        tasks.run(() -> api.search(q, cursor, PAGE), page -> {
            if (!q.equals(query.get().strip())) {
                return; // an answer for a query the agent has since changed
            }
            searching.set(false);
            searched.set(true);
            results.addAll(page.items());
            next = page.next();
            hasMore.set(next != null);
        }, e -> {
            if (!q.equals(query.get().strip())) {
                return;
            }
            searching.set(false);
            if (e instanceof ApiException api && api.status() == 400) {
                errorKey.set("search.server.error.query");
                errorDetail.set(api.error() == null || api.error().error() == null ? null : api.error().error().message());
            } else {
                errorKey.set("search.server.error.failed");
            }
        });
    }

    private void reset() {
        results.clear();
        next = null;
        hasMore.set(false);
        searched.set(false);
        searching.set(false);
        errorKey.set(null);
        errorDetail.set(null);
    }

    /** The server searches letters and digits; punctuation alone is nothing to search for. */
    static boolean hasWord(String q) {
        return q != null && q.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
