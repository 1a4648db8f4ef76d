package es.faro.client.ui.automation;

import es.faro.client.ui.common.TaskRunner;
import es.faro.protocol.event.Event;
import es.faro.protocol.event.EventType;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationPresence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who else is viewing or typing in the open conversation. This agent's own leases are taken when a
 * conversation opens and renewed every {@link #RENEW} (the server keeps them {@code presence.ttl}, 30 s
 * by default, and they lapse by themselves when this client stops); typing is held while keys were
 * pressed within {@link #TYPING_IDLE}. Others' leases come as {@code presence.updated} events and
 * disappear from the list at their own expiry, read from the shared clock's ticks.
 */
public final class PresenceViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceViewModel.class);
    public static final Duration RENEW = Duration.ofSeconds(10);
    public static final Duration TYPING_IDLE = Duration.ofSeconds(5);

    /** One colleague in the conversation. */
    public record Entry(String agentId, String name, boolean typing) {
    }

    /** The server side of presence (the REST call), so tests can run against a real server. */
    @FunctionalInterface
    public interface Leases {
        ConversationPresence set(String conversationId, boolean viewing, boolean typing) throws Exception;
    }

    private final String me;
    private final Leases leases;
    private final TaskRunner tasks;
    private final Function<String, String> names;
    private final ObservableList<Entry> others = FXCollections.observableArrayList();
    private final ObservableList<Entry> othersView = FXCollections.unmodifiableObservableList(others);
    private final Map<String, ConversationPresence> known = new LinkedHashMap<>();
    private Conversation open;
    private Instant lastRenew = Instant.MIN;
    private Instant lastKey = Instant.MIN;
    private boolean typing;
    private Instant now = Instant.now();

    public PresenceViewModel(String me, Leases leases, TaskRunner tasks, Function<String, String> names) {
        this.me = me;
        this.leases = leases;
        this.tasks = tasks;
        this.names = names;
    }

    public ObservableList<Entry> others() {
        return othersView;
    }

    /** The agent opened another conversation (or none): leave the old one, take a viewing lease on the new one. */
    public void open(Conversation next) {
        Conversation previous = open;
        if (previous != null && next != null && previous.id().equals(next.id())) {
            return;
        }
        if (previous != null) {
            push(previous.id(), false, false);
        }
        open = next;
        typing = false;
        lastKey = Instant.MIN;
        render();
        if (next != null) {
            lastRenew = now;
            push(next.id(), true, false);
        }
    }

    /** A key was pressed in the composer. */
    public void typed() {
        lastKey = now;
        if (open != null && !typing) {
            typing = true;
            lastRenew = now;
            push(open.id(), true, true);
        }
    }

    /** The shared clock ticked: renew our leases when due, stop typing when idle, drop expired ones. */
    public void tick(Instant at) {
        now = at;
        if (open != null) {
            boolean idle = typing && Duration.between(lastKey, at).compareTo(TYPING_IDLE) > 0;
            if (idle) {
                typing = false;
            }
            if (idle || Duration.between(lastRenew, at).compareTo(RENEW) >= 0) {
                lastRenew = at;
                push(open.id(), true, typing);
            }
        }
        render();
    }

    /** Events as the sync engine received them (any thread). */
    public void onEvents(List<Event> events) {
        List<ConversationPresence> presence = new ArrayList<>();
        for (Event e : events) {
            if (EventType.PRESENCE.equals(e.type())) {
                presence.add(Json.convert(e.data(), ConversationPresence.class));
            }
        }
        if (!presence.isEmpty()) {
            tasks.runOnUi(() -> {
                presence.forEach(p -> known.put(p.conversationId(), p));
                render();
            });
        }
    }

    private void push(String conversationId, boolean viewing, boolean typingNow) {
        tasks.run(() -> leases.set(conversationId, viewing, typingNow), p -> {
            if (p != null) {
                known.put(p.conversationId(), p);
                render();
            }
        }, e -> LOG.debug("presence update for {} failed: {}", conversationId, e.toString()));
    }

    private void render() {
        List<Entry> next = new ArrayList<>();
        ConversationPresence p = open == null ? null : known.get(open.id());
        if (p != null) {
            Map<String, Boolean> byAgent = new LinkedHashMap<>();
            for (ConversationPresence.Lease l : p.liveAt(now)) {
                if (!l.agentId().equals(me)) {
                    byAgent.merge(l.agentId(), ConversationPresence.TYPING.equals(l.kind()), Boolean::logicalOr);
                }
            }
            byAgent.forEach((id, isTyping) -> next.add(new Entry(id, names.apply(id), isTyping)));
        }
        if (!next.equals(others)) {
            others.setAll(next);
        }
    }
}
