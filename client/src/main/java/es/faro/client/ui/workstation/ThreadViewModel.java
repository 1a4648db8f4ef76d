package es.faro.client.ui.workstation;

import es.faro.client.cache.CacheReader;
import es.faro.client.cache.ThreadMessage;
import es.faro.client.sync.AgentCommands;
import es.faro.client.ui.common.TaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.MessageKind;
import es.faro.protocol.model.Priority;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The right column: the open conversation, its thread (oldest first, with replies still in the
 * outbox), the workflow actions and the composer. Actions go through {@link AgentCommands}; their
 * optimistic change comes back through the cache like any other change.
 */
public final class ThreadViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadViewModel.class);

    private final Agent me;
    private final CacheReader cache;
    private final AgentCommands commands;
    private final TaskRunner tasks;
    private final ReadOnlyObjectWrapper<Conversation> conversation = new ReadOnlyObjectWrapper<>(this, "conversation");
    private final ObservableList<ThreadMessage> messages = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a fresh wrapper per call would be dropped with it. */
    private final ObservableList<ThreadMessage> messagesView = FXCollections.unmodifiableObservableList(messages);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ComposerViewModel composer;
    private final BooleanBinding canClaim;
    /** Guards against a slow thread read landing after the agent already moved on. */
    private long generation;
    private es.faro.client.sync.DeliveryCommands delivery;
    /** Messages whose retry or mark-posted is on its way to the server (their buttons are disabled). */
    private final javafx.collections.ObservableSet<String> deliveryBusy = FXCollections.observableSet();

    ThreadViewModel(Agent me, CacheReader cache, AgentCommands commands, TaskRunner tasks) {
        this.me = me;
        this.cache = cache;
        this.commands = commands;
        this.tasks = tasks;
        this.composer = new ComposerViewModel(commands, tasks);
        composer.watchThread(messagesView, me.id());
        this.canClaim = Bindings.createBooleanBinding(
                () -> conversation.get() != null && !me.id().equals(conversation.get().assigneeId()), conversation);
    }

    // --- state -------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Conversation> conversationProperty() {
        return conversation.getReadOnlyProperty();
    }

    public ObservableList<ThreadMessage> messages() {
        return messagesView;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UiText> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableBooleanValue canClaimProperty() {
        return canClaim;
    }

    public ComposerViewModel composer() {
        return composer;
    }

    public String openId() {
        Conversation c = conversation.get();
        return c == null ? null : c.id();
    }

    // --- commands ----------------------------------------------------------------------------

    public void claim() {
        act("action.claim", id -> commands.claim(id));
    }

    public void setStatus(ConversationStatus status) {
        act("action.status", id -> commands.setStatus(id, status));
    }

    public void setPriority(Priority priority) {
        act("action.priority", id -> commands.setPriority(id, priority));
    }

    /** Adds the label when the conversation lacks it, removes it otherwise. */
    public void toggleLabel(String labelId) {
        Conversation c = conversation.get();
        if (c == null) {
            return;
        }
        boolean has = c.labels().contains(labelId);
        act("action.labels", id -> commands.changeLabels(id, has ? List.of() : List.of(labelId),
                has ? List.of(labelId) : List.of()));
    }

    // --- delivery (issue 7) ------------------------------------------------------------------------

    /** Where the delivery actions go (the composition root sets it; without it they are unavailable). */
    public void useDeliveryCommands(es.faro.client.sync.DeliveryCommands commands) {
        this.delivery = commands;
    }

    /** What the thread shows about the message's delivery. */
    public DeliveryStatus deliveryStatus(ThreadMessage item) {
        return DeliveryStatus.of(item);
    }

    /** Ids of messages whose delivery action is under way. */
    public javafx.collections.ObservableSet<String> deliveryBusy() {
        return FXCollections.unmodifiableObservableSet(deliveryBusy);
    }

    /** Sends a FAILED reply again; its new state arrives with the server's event. */
    public void retryDelivery(ThreadMessage item) {
        if (DeliveryStatus.of(item).canRetry()) {
            deliveryAction(item, "delivery.action.retry", (d, m) -> d.retry(m.conversationId(), m.id()));
        }
    }

    /** Marks a reply PREPARED for a forum as posted by hand ({@code url}: where, may be blank). */
    public void markPosted(ThreadMessage item, String url) {
        if (DeliveryStatus.of(item).canMarkPosted()) {
            deliveryAction(item, "delivery.action.posted", (d, m) -> d.markPosted(m.conversationId(), m.id(), url));
        }
    }

    private interface DeliveryCall {
        es.faro.protocol.model.Message apply(es.faro.client.sync.DeliveryCommands commands,
                                             es.faro.protocol.model.Message message) throws Exception;
    }

    private void deliveryAction(ThreadMessage item, String actionKey, DeliveryCall call) {
        es.faro.client.sync.DeliveryCommands commands = delivery;
        es.faro.protocol.model.Message m = item.message();
        if (commands == null || !deliveryBusy.add(m.id())) {
            return;
        }
        error.set(null);
        tasks.run(() -> call.apply(commands, m), updated -> deliveryBusy.remove(m.id()), e -> {
            deliveryBusy.remove(m.id());
            LOG.warn("{} on {} failed", actionKey, m.id(), e);
            error.set(ErrorTexts.forCommand(actionKey, e));
        });
    }

    public void dismissError() {
        error.set(null);
    }

    private interface Command {
        CompletableFuture<Void> apply(String conversationId);
    }

    private void act(String actionKey, Command command) {
        Conversation c = conversation.get();
        if (c == null) {
            return;
        }
        CompletableFuture<Void> future;
        try {
            future = command.apply(c.id());
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        error.set(null);
        tasks.await(future, ignored -> { }, e -> {
            LOG.warn("{} on {} failed", actionKey, c.id(), e);
            error.set(ErrorTexts.forCommand(actionKey, e));
        });
    }

    // --- fed by the workstation --------------------------------------------------------------

    /** Shows a conversation at once (the header from the row) and reads its thread in the background. */
    void open(Conversation next) {
        conversation.set(next);
        composer.show(next);
        error.set(null);
        messages.clear();
        if (next == null) {
            loading.set(false);
            return;
        }
        reloadThread(() -> cache.thread(next.id()), next.id());
    }

    private void reloadThread(Supplier<List<ThreadMessage>> read, String id) {
        long ticket = ++generation;
        loading.set(true);
        tasks.run(read::get, thread -> {
            if (ticket == generation && id.equals(openId())) {
                setThread(thread);
                loading.set(false);
            }
        }, e -> {
            if (ticket == generation) {
                LOG.warn("reading the thread of {} failed", id, e);
                loading.set(false);
                error.set(UiText.of("error.thread.load"));
            }
        });
    }

    /** A newer state of the open conversation (claimed, relabelled…). */
    void refreshConversation(Conversation updated) {
        if (updated != null && updated.id().equals(openId())) {
            conversation.set(updated);
            composer.show(updated);
        }
    }

    /** A newer thread of the open conversation, read by the workstation's change batch. */
    void refreshThread(String id, List<ThreadMessage> thread) {
        if (id.equals(openId())) {
            generation++;
            setThread(thread);
            loading.set(false);
        }
    }

    private void setThread(List<ThreadMessage> thread) {
        messages.setAll(thread);
        // Answer the way the customer last wrote: a public post publicly, a DM privately.
        for (int i = thread.size() - 1; i >= 0; i--) {
            if (thread.get(i).message().kind() == MessageKind.IN) {
                composer.setPublicReply(thread.get(i).message().isPublic());
                return;
            }
        }
    }
}
