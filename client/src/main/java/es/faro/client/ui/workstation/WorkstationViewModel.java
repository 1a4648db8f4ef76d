package es.faro.client.ui.workstation;

import es.faro.client.cache.CacheChange;
import es.faro.client.cache.CacheListener;
import es.faro.client.cache.CacheReader;
import es.faro.client.cache.ThreadMessage;
import es.faro.client.sync.AgentCommands;
import es.faro.client.sync.ConnectionMonitor;
import es.faro.client.sync.ConnectionState;
import es.faro.client.ui.common.TaskRunner;
import es.faro.client.ui.common.UiBatcher;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ReferenceData;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's workstation: one list of the active conversations the agent may see, kept current
 * from the cache, and the child view models that show it (sidebar, list, thread, status bar).
 *
 * <p>Cache changes arrive on the cache's writer thread; their ids are collected and read back in
 * batches on the background executor (at most one read in flight, so a burst becomes one or two
 * reads), and each batch is applied to the list on the UI thread as a handful of list changes.
 */
public final class WorkstationViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(WorkstationViewModel.class);
    /** Beyond this many rows changed in one batch, one whole-list replace is cheaper than many sets. */
    private static final int BULK_THRESHOLD = 256;

    private final Agent me;
    private final CacheReader cache;
    private final ConnectionMonitor connection;
    private final TaskRunner tasks;

    private final ObservableList<Conversation> active = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a fresh wrapper per call would be dropped with it. */
    private final ObservableList<Conversation> activeView = FXCollections.unmodifiableObservableList(active);
    private final Map<String, Integer> rowOf = new HashMap<>();
    private final ReadOnlyObjectWrapper<ReferenceIndex> reference = new ReadOnlyObjectWrapper<>(this, "reference");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>(this, "error");

    private final SidebarViewModel sidebar;
    private final ConversationListViewModel list;
    private final ThreadViewModel thread;
    private final StatusBarViewModel statusBar;
    private final UiBatcher<ConnectionState> connectionBatcher;
    private final es.faro.client.ui.keyboard.ActionRegistry actions = new es.faro.client.ui.keyboard.ActionRegistry();
    private final es.faro.client.ui.keyboard.CommandPaletteViewModel palette =
            new es.faro.client.ui.keyboard.CommandPaletteViewModel();
    private final es.faro.client.ui.canned.CannedPickerViewModel canned;
    private final CacheListener cacheListener = this::onCacheChange;
    private final es.faro.client.ui.search.ConversationSearchViewModel search;

    private final Object lock = new Object();
    private final Set<String> pendingConversations = new HashSet<>();
    private final Set<String> pendingThreads = new HashSet<>();
    private boolean pendingFullReload;
    private boolean reading;
    private boolean ready;
    private boolean closed;
    /** Read by the background batch to decide whether the open thread must be re-read. */
    private volatile String openId;

    public WorkstationViewModel(Agent me, CacheReader cache, AgentCommands commands, ConnectionMonitor connection,
                                TaskRunner tasks) {
        this.me = me;
        this.cache = cache;
        this.connection = connection;
        this.tasks = tasks;
        this.reference.set(ReferenceIndex.empty(me));
        this.sidebar = new SidebarViewModel(me);
        this.list = new ConversationListViewModel(active, me.id(), sidebar);
        this.thread = new ThreadViewModel(me, cache, commands, tasks);
        this.statusBar = new StatusBarViewModel(me.name(), ZoneId.systemDefault());
        this.connectionBatcher = new UiBatcher<>(tasks, states -> statusBar.update(states.get(states.size() - 1)));
        this.canned = new es.faro.client.ui.canned.CannedPickerViewModel(me, thread.composer().textProperty(),
                thread.composer().conversationProperty(), id -> reference.get().brand(id), tasks, ZoneId.systemDefault());
        this.search = new es.faro.client.ui.search.ConversationSearchViewModel(cache, tasks, this::open);
        search.onlineProperty().bind(statusBar.stateProperty().map(
                s -> s.status() == ConnectionState.Status.ONLINE).orElse(false));
        // Choosing a queue means "show me this queue": a search left in the box would hide it.
        sidebar.selectedQueueProperty().addListener((o, was, now) -> search.clear());
        es.faro.client.ui.keyboard.WorkstationActions.register(this);
    }

    // --- lifecycle ---------------------------------------------------------------------------

    /** Loads everything once in the background, then follows the cache and the connection. */
    public void start() {
        // Listen before the first read: a change committed during it is queued, not lost.
        cache.addListener(cacheListener);
        connection.addListener(connectionBatcher::offer);
        connectionBatcher.offer(connection.state());
        synchronized (lock) {
            pendingFullReload = true;
            reading = true;
        }
        readNextBatch();
        canned.start(cache);
        search.start();
    }

    public void close() {
        synchronized (lock) {
            closed = true;
        }
        cache.removeListener(cacheListener);
        canned.close(cache);
        search.close();
    }

    // --- state -------------------------------------------------------------------------------

    public Agent me() {
        return me;
    }

    public SidebarViewModel sidebar() {
        return sidebar;
    }

    public ConversationListViewModel list() {
        return list;
    }

    public ThreadViewModel thread() {
        return thread;
    }

    public StatusBarViewModel statusBar() {
        return statusBar;
    }

    /** Every workstation action (shortcut, palette, cheat sheet); features add their own. */
    public es.faro.client.ui.keyboard.ActionRegistry actions() {
        return actions;
    }

    /** The Ctrl+K command palette. */
    public es.faro.client.ui.keyboard.CommandPaletteViewModel palette() {
        return palette;
    }

    /** The search box over the conversation list (offline, from the cache; the server's on offer). */
    public es.faro.client.ui.search.ConversationSearchViewModel search() {
        return search;
    }

    /** The composer's {@code /} picker of canned responses. */
    public es.faro.client.ui.canned.CannedPickerViewModel canned() {
        return canned;
    }

    public ReadOnlyObjectProperty<ReferenceIndex> referenceProperty() {
        return reference.getReadOnlyProperty();
    }

    /** True once the first snapshot is on screen. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** A problem reading the local cache, in words. */
    public ReadOnlyObjectProperty<UiText> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Every active conversation the agent may see, in no particular order (the queues filter it). */
    public ObservableList<Conversation> activeConversations() {
        return activeView;
    }

    // --- commands ----------------------------------------------------------------------------

    /** Opens a conversation in the thread pane. */
    public void open(Conversation conversation) {
        openId = conversation == null ? null : conversation.id();
        thread.open(conversation);
    }

    // --- change pipeline ---------------------------------------------------------------------

    private void onCacheChange(CacheChange change) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            pendingConversations.addAll(change.conversations());
            pendingThreads.addAll(change.threads());
            pendingFullReload |= change.reference();
            if (reading || !ready) {
                return;
            }
            reading = true;
        }
        readNextBatch();
    }

    private record Batch(ReferenceData reference, List<Conversation> all, Set<String> requested,
                         List<Conversation> found, String threadId, List<ThreadMessage> thread) {
    }

    private void readNextBatch() {
        tasks.run(this::readBatch, this::applyBatch, this::batchFailed);
    }

    /** Background: drains what changed so far and reads it in one go. */
    private Batch readBatch() {
        Set<String> ids;
        Set<String> threads;
        boolean full;
        synchronized (lock) {
            ids = new HashSet<>(pendingConversations);
            threads = new HashSet<>(pendingThreads);
            full = pendingFullReload;
            pendingConversations.clear();
            pendingThreads.clear();
            pendingFullReload = false;
        }
        String open = openId;
        if (open != null) {
            // The open conversation may have left the active list (resolved): read it by id.
            ids.add(open);
        }
        ReferenceData ref = full ? cache.reference() : null;
        List<Conversation> all = full ? cache.activeConversations() : null;
        List<Conversation> found = ids.isEmpty() ? List.of() : cache.conversations(ids);
        List<ThreadMessage> openThread = open != null && threads.contains(open) ? cache.thread(open) : null;
        return new Batch(ref, all, ids, found, open, openThread);
    }

    /** UI thread: applies one batch, then reads the next if more changes arrived meanwhile. */
    private void applyBatch(Batch batch) {
        if (batch.reference() != null) {
            ReferenceIndex index = new ReferenceIndex(batch.reference(), me);
            reference.set(index);
            sidebar.setReference(index);
            index.agent(me.id()).ifPresent(a -> statusBar.setAgentName(a.name()));
        }
        if (batch.all() != null) {
            replaceAll(batch.all());
        }
        applyConversations(batch.requested(), batch.found());
        sidebar.recount(active);
        for (Conversation c : batch.found()) {
            if (c.id().equals(batch.threadId())) {
                thread.refreshConversation(c);
            }
        }
        if (batch.thread() != null) {
            thread.refreshThread(batch.threadId(), batch.thread());
        }
        error.set(null);
        loaded.set(true);
        finishBatch();
    }

    private void batchFailed(Throwable e) {
        LOG.error("reading the local cache failed", e);
        error.set(UiText.of("error.cache.read"));
        synchronized (lock) {
            // What was drained is lost with the failed read: start over from a full snapshot.
            pendingFullReload = true;
        }
        finishBatch();
    }

    private void finishBatch() {
        boolean again;
        synchronized (lock) {
            ready = true;
            again = !closed && error.get() == null
                    && (pendingFullReload || !pendingConversations.isEmpty() || !pendingThreads.isEmpty());
            reading = again;
        }
        if (again) {
            readNextBatch();
        }
    }

    private boolean keep(Conversation c) {
        return c != null && c.status() != null && c.status().isActive() && reference.get().visible(c);
    }

    private void replaceAll(List<Conversation> all) {
        List<Conversation> rows = new ArrayList<>(all.size());
        for (Conversation c : all) {
            if (keep(c)) {
                rows.add(c);
            }
        }
        active.setAll(rows);
        reindex();
    }

    private void applyConversations(Collection<String> requested, List<Conversation> found) {
        if (requested.isEmpty()) {
            return;
        }
        Map<String, Conversation> byId = new HashMap<>();
        for (Conversation c : found) {
            byId.put(c.id(), c);
        }
        List<Integer> updatedRows = new ArrayList<>();
        List<Conversation> updates = new ArrayList<>();
        Set<Conversation> removals = new HashSet<>();
        List<Conversation> additions = new ArrayList<>();
        for (String id : requested) {
            Conversation now = byId.get(id);
            Integer row = rowOf.get(id);
            if (row != null) {
                Conversation before = active.get(row);
                if (!keep(now)) {
                    removals.add(before);
                } else if (!before.equals(now)) {
                    updatedRows.add(row);
                    updates.add(now);
                }
            } else if (keep(now)) {
                additions.add(now);
            }
        }
        if (updates.size() + removals.size() + additions.size() > BULK_THRESHOLD) {
            List<Conversation> rows = new ArrayList<>(active.size() + additions.size());
            Map<String, Conversation> replaced = new HashMap<>();
            updates.forEach(c -> replaced.put(c.id(), c));
            for (Conversation c : active) {
                if (!removals.contains(c)) {
                    rows.add(replaced.getOrDefault(c.id(), c));
                }
            }
            rows.addAll(additions);
            active.setAll(rows);
            reindex();
            return;
        }
        for (int i = 0; i < updates.size(); i++) {
            active.set(updatedRows.get(i), updates.get(i));
        }
        if (!removals.isEmpty()) {
            active.removeAll(removals);
        }
        if (!additions.isEmpty()) {
            active.addAll(additions);
        }
        if (!removals.isEmpty() || !additions.isEmpty()) {
            reindex();
        }
    }

    private void reindex() {
        rowOf.clear();
        for (int i = 0; i < active.size(); i++) {
            rowOf.put(active.get(i).id(), i);
        }
    }
}
