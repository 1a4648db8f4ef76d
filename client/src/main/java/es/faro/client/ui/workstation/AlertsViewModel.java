package es.faro.client.ui.workstation;

import es.faro.client.metrics.SlaView;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.sla.SlaClock;
import es.faro.protocol.sla.SlaState;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Watches the agent's own conversations for the two moments that deserve a desktop notification: a
 * conversation assigned to me enters WARNING, and a conversation becomes assigned to me. Each
 * transition fires once: a warning is remembered by conversation and due instant (a new clock may
 * warn again), an assignment by the change of assignee. What is already true when the workstation
 * loads is the baseline, not news; a conversation the agent has open (a claim of their own) is not
 * announced either.
 */
public final class AlertsViewModel {
    private final String meId;
    private final ObservableValue<Boolean> loaded;
    private final ObservableValue<Conversation> open;
    private final Map<String, Conversation> mine = new HashMap<>();
    /** Warnings already announced (or already true at load): id + due instant. */
    private final Set<String> warned = new HashSet<>();
    private static final int KEEP = 20;
    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();
    private final ObservableList<Alert> alertsView = FXCollections.unmodifiableObservableList(alerts);
    private boolean warningsPrimed;

    public AlertsViewModel(String meId, ObservableList<Conversation> active, ObservableValue<Boolean> loaded,
                           ObservableValue<Conversation> open, ObservableValue<Instant> now) {
        this.meId = meId;
        this.loaded = loaded;
        this.open = open;
        active.addListener((ListChangeListener<Conversation>) this::onChange);
        active.forEach(c -> {
            if (isMine(c)) {
                mine.put(c.id(), c);
            }
        });
        now.addListener((obs, before, at) -> tick(at));
    }

    /** Alerts in the order they happened; the view shows each addition (the oldest are dropped). */
    public ObservableList<Alert> alerts() {
        return alertsView;
    }

    private void announce(Alert alert) {
        if (alerts.size() >= KEEP) {
            alerts.remove(0);
        }
        alerts.add(alert);
    }

    private boolean isMine(Conversation c) {
        return meId.equals(c.assigneeId());
    }

    private void onChange(ListChangeListener.Change<? extends Conversation> change) {
        Map<String, Conversation> added = new HashMap<>();
        Set<String> removed = new HashSet<>();
        while (change.next()) {
            change.getRemoved().forEach(c -> removed.add(c.id()));
            change.getAddedSubList().forEach(c -> added.put(c.id(), c));
        }
        removed.removeAll(added.keySet());
        removed.forEach(mine::remove);
        boolean announce = Boolean.TRUE.equals(loaded.getValue());
        Conversation opened = open.getValue();
        for (Conversation c : added.values()) {
            Conversation before = mine.get(c.id());
            if (!isMine(c)) {
                mine.remove(c.id());
                continue;
            }
            mine.put(c.id(), c);
            boolean mineAlready = before != null;
            boolean selfClaimed = opened != null && opened.id().equals(c.id());
            if (announce && !mineAlready && !selfClaimed) {
                announce(new Alert(Alert.Kind.ASSIGNED, c));
            }
        }
    }

    /** Every second: a clock of mine that crossed its warn instant since the last tick is news. */
    void tick(Instant now) {
        if (now == null || !Boolean.TRUE.equals(loaded.getValue())) {
            return;
        }
        for (Conversation c : mine.values()) {
            SlaClock clock = c.activeClock();
            if (clock == null || SlaView.paused(c) || SlaView.state(c, now) != SlaState.WARNING) {
                continue;
            }
            if (warned.add(c.id() + "@" + clock.dueAt()) && warningsPrimed) {
                announce(new Alert(Alert.Kind.WARNING, c));
            }
        }
        warningsPrimed = true;
    }
}
