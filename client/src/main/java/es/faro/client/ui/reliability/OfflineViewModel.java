package es.faro.client.ui.reliability;

import es.faro.client.cache.CacheChange;
import es.faro.client.cache.CacheListener;
import es.faro.client.cache.SqliteCache;
import es.faro.client.sync.ConnectionMonitor;
import es.faro.client.sync.ConnectionState;
import es.faro.client.ui.common.TaskRunner;
import es.faro.client.ui.common.UiText;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Working without the server: the offline banner ("Sin conexión desde 10:42 · 3 cambios pendientes",
 * from the sync engine's connection state and the outbox count) and the changes the server refused,
 * each with the agent's choice to redo it on the current state or discard it.
 */
public final class OfflineViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(OfflineViewModel.class);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final SqliteCache cache;
    private final ConnectionMonitor connection;
    private final TaskRunner tasks;
    private final ZoneId zone;
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper(this, "offline");
    private final ReadOnlyObjectWrapper<UiText> bannerText = new ReadOnlyObjectWrapper<>(this, "bannerText");
    private final ObservableList<RejectedChange> rejected = FXCollections.observableArrayList();
    private final ObservableList<RejectedChange> rejectedView = FXCollections.unmodifiableObservableList(rejected);
    private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final AtomicBoolean reloadQueued = new AtomicBoolean();
    private final CacheListener cacheListener = this::onCacheChange;
    private final java.util.function.Consumer<ConnectionState> connectionListener = this::onConnection;
    private volatile boolean closed;

    public OfflineViewModel(SqliteCache cache, ConnectionMonitor connection, TaskRunner tasks, ZoneId zone) {
        this.cache = cache;
        this.connection = connection;
        this.tasks = tasks;
        this.zone = zone;
    }

    public void start() {
        cache.addListener(cacheListener);
        connection.addListener(connectionListener);
        onConnection(connection.state());
    }

    public void close() {
        closed = true;
        cache.removeListener(cacheListener);
    }

    /** True while the sync engine has no link to the server. */
    public ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    /** "Sin conexión desde HH:MM · N cambios pendientes", or null while online. */
    public ReadOnlyObjectProperty<UiText> bannerTextProperty() {
        return bannerText.getReadOnlyProperty();
    }

    /** The refused changes, oldest first. */
    public ObservableList<RejectedChange> rejected() {
        return rejectedView;
    }

    /** A failure to redo or discard, in words. */
    public ReadOnlyObjectProperty<UiText> errorProperty() {
        return error.getReadOnlyProperty();
    }

    // --- commands ------------------------------------------------------------------------------

    /** Applies the refused change again on the conversation's current state (queued at the end of the outbox). */
    public void redo(RejectedChange change) {
        tasks.await(cache.redoRejected(change.id()), ignored -> reload(), this::failed);
    }

    /** Drops the refused change; the conversation keeps the server's state. */
    public void discard(RejectedChange change) {
        tasks.await(cache.discardRejected(change.id()), ignored -> reload(), this::failed);
    }

    // --- plumbing ------------------------------------------------------------------------------

    private void failed(Throwable e) {
        LOG.warn("cannot act on a refused change", e);
        error.set(UiText.of("reliability.rejected.failed"));
    }

    /** Any thread: the state is applied on the UI thread; the refused list is re-read with it. */
    private void onConnection(ConnectionState s) {
        tasks.runOnUi(() -> apply(s));
        reload();
    }

    private void apply(ConnectionState s) {
        boolean down = s.status() == ConnectionState.Status.OFFLINE;
        offline.set(down);
        if (!down) {
            bannerText.set(null);
            return;
        }
        String since = s.offlineSince() == null ? "" : HH_MM.format(s.offlineSince().atZone(zone));
        bannerText.set(UiText.of("reliability.offline.banner", since, s.pendingWrites()));
    }

    private void onCacheChange(CacheChange change) {
        if (!change.threads().isEmpty() || !change.conversations().isEmpty()) {
            reload();
        }
    }

    private void reload() {
        if (closed || !reloadQueued.compareAndSet(false, true)) {
            return;
        }
        tasks.run(() -> {
            reloadQueued.set(false);
            return cache.rejectedOutbox().stream().map(RejectedChange::of).toList();
        }, this::setRejected, e -> LOG.warn("cannot read refused changes", e));
    }

    private void setRejected(List<RejectedChange> now) {
        if (!rejected.equals(now)) {
            rejected.setAll(now);
        }
    }
}
