package es.faro.client.ui.canned;

import es.faro.client.cache.CacheChange;
import es.faro.client.cache.CacheListener;
import es.faro.client.cache.CacheReader;
import es.faro.client.sync.ApiException;
import es.faro.client.sync.CannedApi;
import es.faro.client.ui.common.TaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.api.CannedResponseRequest;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.CannedResponse;
import es.faro.protocol.model.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Create, edit and delete canned responses. Admins manage all, leads the shared ones and their own,
 * agents their own personal ones (the server enforces the same rules). The list comes from the
 * local cache and follows it, so a save shows up once the server's event arrives.
 */
public final class CannedAdminViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(CannedAdminViewModel.class);

    private final Agent me;
    private final CacheReader cache;
    private final CannedApi api;
    private final TaskRunner tasks;
    private final ObservableList<CannedResponse> items = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CannedResponse> editing = new ReadOnlyObjectWrapper<>(this, "editing");
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty shortcut = new SimpleStringProperty(this, "shortcut", "");
    private final StringProperty folder = new SimpleStringProperty(this, "folder", "");
    private final ObjectProperty<String> brandId = new SimpleObjectProperty<>(this, "brandId");
    private final StringProperty language = new SimpleStringProperty(this, "language", "es");
    private final BooleanProperty shared = new SimpleBooleanProperty(this, "shared");
    private final StringProperty body = new SimpleStringProperty(this, "body", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<UiText> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final BooleanBinding canSave;
    private final CacheListener listener = this::onChange;

    public CannedAdminViewModel(Agent me, CacheReader cache, CannedApi api, TaskRunner tasks) {
        this.me = me;
        this.cache = cache;
        this.api = api;
        this.tasks = tasks;
        canSave = Bindings.createBooleanBinding(() -> !busy.get() && !title.get().isBlank() && !body.get().isBlank()
                && language.get() != null && !language.get().isBlank(), busy, title, body, language);
        newResponse();
    }

    public void start() {
        cache.addListener(listener);
        reload();
    }

    public void close() {
        cache.removeListener(listener);
    }

    private void onChange(CacheChange change) {
        if (change.cannedResponses()) {
            reload();
        }
    }

    private void reload() {
        tasks.run(() -> manageable(cache.cannedResponses()), items::setAll,
                e -> LOG.warn("reading canned responses failed", e));
    }

    /** What this user may manage, by folder then title. */
    List<CannedResponse> manageable(List<CannedResponse> all) {
        List<CannedResponse> mine = new ArrayList<>();
        for (CannedResponse r : all) {
            if (mayManage(r)) {
                mine.add(r);
            }
        }
        mine.sort(Comparator.comparing((CannedResponse r) -> r.folder() == null ? "" : r.folder())
                .thenComparing(r -> r.title() == null ? "" : r.title()));
        return mine;
    }

    boolean mayManage(CannedResponse r) {
        if (me.hasRole(Role.ADMIN)) {
            return true;
        }
        return r.ownerId() == null ? me.hasRole(Role.LEAD) : r.ownerId().equals(me.id());
    }

    /** Whether this user may make shared ones (admins and leads). */
    public boolean canShare() {
        return me.hasRole(Role.ADMIN) || me.hasRole(Role.LEAD);
    }

    // --- state -------------------------------------------------------------------------------

    public ObservableList<CannedResponse> items() {
        return items;
    }

    /** The response in the form, or null for a new one. */
    public ReadOnlyObjectProperty<CannedResponse> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty shortcutProperty() {
        return shortcut;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    /** Null = every brand. */
    public ObjectProperty<String> brandIdProperty() {
        return brandId;
    }

    public StringProperty languageProperty() {
        return language;
    }

    public BooleanProperty sharedProperty() {
        return shared;
    }

    public StringProperty bodyProperty() {
        return body;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableBooleanValue canSaveProperty() {
        return canSave;
    }

    /** The outcome of the last save or delete, in words. */
    public ReadOnlyObjectProperty<UiText> messageProperty() {
        return message.getReadOnlyProperty();
    }

    // --- commands ----------------------------------------------------------------------------

    public void newResponse() {
        editing.set(null);
        title.set("");
        shortcut.set("");
        folder.set("");
        brandId.set(null);
        language.set("es");
        shared.set(canShare());
        body.set("");
    }

    public void edit(CannedResponse r) {
        if (r == null) {
            newResponse();
            return;
        }
        editing.set(r);
        title.set(nz(r.title()));
        shortcut.set(nz(r.shortcut()));
        folder.set(nz(r.folder()));
        brandId.set(r.brandId());
        language.set(nz(r.language()));
        shared.set(r.ownerId() == null);
        body.set(nz(r.body()));
    }

    /** The request the form describes. */
    public CannedResponseRequest request() {
        String owner = shared.get() && canShare() ? null : editing.get() != null && editing.get().ownerId() != null
                ? editing.get().ownerId() : me.id();
        return new CannedResponseRequest(brandId.get(), language.get(), blankToNull(folder.get()), title.get(),
                blankToNull(shortcut.get()), body.get(), editing.get() == null ? List.of() : editing.get().labels(),
                owner);
    }

    public void save() {
        if (!canSave.get()) {
            return;
        }
        CannedResponse current = editing.get();
        CannedResponseRequest request = request();
        busy.set(true);
        message.set(null);
        tasks.run(() -> current == null ? api.create(request) : api.update(current.id(), request), saved -> {
            busy.set(false);
            edit(saved);
            message.set(UiText.of("canned.admin.saved"));
        }, this::failed);
    }

    public void delete() {
        CannedResponse current = editing.get();
        if (current == null) {
            return;
        }
        busy.set(true);
        message.set(null);
        tasks.run(() -> {
            api.delete(current.id());
            return current;
        }, deleted -> {
            busy.set(false);
            newResponse();
            message.set(UiText.of("canned.admin.deleted"));
        }, this::failed);
    }

    private void failed(Throwable e) {
        busy.set(false);
        LOG.warn("saving a canned response failed", e);
        Throwable cause = e.getCause() != null && !(e instanceof ApiException) ? e.getCause() : e;
        if (cause instanceof ApiException api && api.error() != null && api.error().error() != null) {
            message.set(UiText.of("canned.admin.refused", api.error().error().message()));
        } else {
            message.set(UiText.of("canned.admin.failed"));
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
