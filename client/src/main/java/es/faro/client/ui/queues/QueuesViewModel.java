package es.faro.client.ui.queues;

import es.faro.client.sync.ApiException;
import es.faro.client.sync.QueuesApi;
import es.faro.client.ui.common.TaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.client.ui.workstation.ReferenceIndex;
import es.faro.protocol.api.BulkRequest;
import es.faro.protocol.api.BulkResult;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.Presence;
import es.faro.protocol.model.Priority;
import es.faro.protocol.model.Workqueue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The agent's productivity commands: Next (pull mode: the server claims the best conversation and
 * it opens), bulk actions on a multi-selection, and presence (AWAY after {@code awayAfter} without
 * mouse or keyboard, ONLINE again on the next touch, renewed on the server every {@code heartbeat}).
 */
public final class QueuesViewModel {
    private final Agent me;
    private final QueuesApi api;
    private final TaskRunner tasks;
    private final Consumer<Conversation> open;
    private final Duration awayAfter;
    private final Duration heartbeat;

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<UiText> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyObjectWrapper<Presence> presence = new ReadOnlyObjectWrapper<>(this, "presence", Presence.ONLINE);
    private final ReadOnlyObjectWrapper<BulkResult> lastBulk = new ReadOnlyObjectWrapper<>(this, "lastBulk");
    private Instant lastActivity;
    private Instant lastReport;

    public QueuesViewModel(Agent me, QueuesApi api, TaskRunner tasks, Consumer<Conversation> open, Duration awayAfter,
                           Duration heartbeat) {
        this.me = me;
        this.api = api;
        this.tasks = tasks;
        this.open = open;
        this.awayAfter = awayAfter;
        this.heartbeat = heartbeat;
    }

    // --- state -------------------------------------------------------------------------------

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the last command came to, in words (null when there is nothing to say). */
    public ReadOnlyObjectProperty<UiText> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Presence> presenceProperty() {
        return presence.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BulkResult> lastBulkProperty() {
        return lastBulk.getReadOnlyProperty();
    }

    public Agent me() {
        return me;
    }

    // --- Next --------------------------------------------------------------------------------

    /** Claims the best waiting conversation the agent is skilled for and opens it. */
    public void next() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        message.set(null);
        tasks.run(() -> api.next(null), claimed -> {
            busy.set(false);
            if (claimed.isPresent()) {
                message.set(UiText.of("queues.next.claimed", claimed.get().customerName()));
                open.accept(claimed.get());
            } else {
                message.set(UiText.of("queues.next.none"));
            }
        }, this::failed);
    }

    // --- bulk --------------------------------------------------------------------------------

    public void addLabel(List<Conversation> selection, String labelId) {
        bulk(selection, items -> new BulkRequest(BulkRequest.LABELS, items, null, List.of(labelId), null, null, null,
                null));
    }

    public void setPriority(List<Conversation> selection, Priority priority) {
        bulk(selection, items -> new BulkRequest(BulkRequest.PRIORITY, items, null, null, null, priority, null, null));
    }

    public void setStatus(List<Conversation> selection, ConversationStatus status) {
        bulk(selection, items -> new BulkRequest(BulkRequest.STATUS, items, null, null, null, null, status, null));
    }

    public void assign(List<Conversation> selection, String agentId) {
        bulk(selection, items -> new BulkRequest(BulkRequest.ASSIGN, items, agentId, null, null, null, null, null));
    }

    public void snooze(List<Conversation> selection, Instant until) {
        bulk(selection, items -> new BulkRequest(BulkRequest.SNOOZE, items, null, null, null, null, null, until));
    }

    private void bulk(List<Conversation> selection, java.util.function.Function<List<BulkRequest.Item>, BulkRequest> build) {
        if (selection.isEmpty() || busy.get()) {
            return;
        }
        List<BulkRequest.Item> items = selection.stream()
                .map(c -> new BulkRequest.Item(c.id(), c.version())).toList();
        BulkRequest request = build.apply(items);
        busy.set(true);
        message.set(null);
        tasks.run(() -> api.bulk(request), result -> {
            busy.set(false);
            lastBulk.set(result);
            long ok = result.succeeded();
            message.set(ok == result.results().size() ? UiText.of("queues.bulk.done", ok)
                    : UiText.of("queues.bulk.partial", ok, result.results().size(), result.results().size() - ok));
        }, this::failed);
    }

    // --- personal views ----------------------------------------------------------------------

    /**
     * Saves what the agent is looking at (the queue's filter, narrowed to {@code brandId} when not
     * null) as a personal view named {@code name}; it shows in their sidebar once the server's event
     * arrives.
     */
    public void saveView(String name, Workqueue base, String brandId) {
        if (name == null || name.isBlank()) {
            message.set(UiText.of("queues.view.nameRequired"));
            return;
        }
        Workqueue from = base != null ? base
                : new Workqueue(null, name, null, null, null, null, null, null, null, 0);
        Workqueue view = new Workqueue(null, name.trim(), brandId != null ? List.of(brandId) : from.brands(),
                from.channels(), from.labels(), from.priorities(), from.statuses(), from.assignee(), from.ordering(),
                from.position() + 1, Workqueue.ME, false);
        busy.set(true);
        tasks.run(() -> api.createWorkqueue(view), saved -> {
            busy.set(false);
            message.set(UiText.of("queues.view.saved", saved.name()));
        }, this::failed);
    }

    /** Whether {@code q} is a personal view of this agent's, which they may edit. */
    public boolean ownsView(Workqueue q) {
        return q != null && q.personal() && me.id().equals(q.owner());
    }

    /**
     * Saves every part of an edited personal view's filter ({@code form}, started from {@code view}).
     * Returns the mistake, if any, without sending: the editor stays open and says it.
     */
    public Optional<UiText> updateView(Workqueue view, QueueFilterForm form, ReferenceIndex reference) {
        Optional<UiText> problem = form.problem(reference, true);
        if (problem.isPresent()) {
            return problem;
        }
        Workqueue changed = form.toWorkqueue(view.id(), view.position(), Workqueue.ME);
        busy.set(true);
        message.set(null);
        tasks.run(() -> api.updateWorkqueue(changed), saved -> {
            busy.set(false);
            message.set(UiText.of("queues.view.updated", saved.name()));
        }, this::failed);
        return Optional.empty();
    }

    // --- presence ----------------------------------------------------------------------------

    /** The agent touched the mouse or keyboard. */
    public void activity(Instant now) {
        lastActivity = now;
        if (presence.get() == Presence.AWAY) {
            report(Presence.ONLINE, now);
        }
    }

    /** The shared clock's tick: AWAY after the idle time, and the presence renewed before it expires. */
    public void tick(Instant now) {
        if (lastActivity == null) {
            lastActivity = now;
        }
        if (presence.get() == Presence.ONLINE && Duration.between(lastActivity, now).compareTo(awayAfter) >= 0) {
            report(Presence.AWAY, now);
        } else if (lastReport == null || Duration.between(lastReport, now).compareTo(heartbeat) >= 0) {
            report(presence.get(), now);
        }
    }

    private void report(Presence value, Instant now) {
        presence.set(value);
        lastReport = now;
        tasks.run(() -> api.presence(value), agent -> { }, error -> { }); // the next heartbeat retries
    }

    private void failed(Throwable error) {
        busy.set(false);
        if (error instanceof ApiException e && "at_capacity".equals(e.code())) {
            message.set(UiText.of("queues.next.capacity", me.capacity()));
        } else {
            message.set(UiText.of("queues.failed", AdminViewModel.reason(error)));
        }
    }
}
