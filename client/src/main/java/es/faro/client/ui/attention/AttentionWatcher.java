package es.faro.client.ui.attention;

import es.faro.client.ui.common.Notice;
import es.faro.client.ui.common.NotificationCenter;
import es.faro.client.ui.common.UiText;
import es.faro.client.ui.workstation.Alert;
import es.faro.client.ui.workstation.AlertsViewModel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.sla.SlaState;
import java.time.Instant;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Counts the agent's own conversations in SLA WARNING now, for the window title and the tray badge,
 * and passes on the {@link AlertsViewModel}'s alerts (newly in WARNING, newly assigned to me) to the
 * notification center. Runs on the UI thread; recounts on the shared clock's tick when the list
 * changed, and every few seconds anyway because time alone moves conversations into WARNING.
 */
public final class AttentionWatcher {
    private static final int RECOUNT_EVERY_TICKS = 5;

    private final ObservableList<Conversation> active;
    private final String meId;
    private final ObservableList<Alert> alerts;
    private final NotificationCenter notices;
    private final ReadOnlyIntegerWrapper warningCount = new ReadOnlyIntegerWrapper(this, "warningCount");
    private final ListChangeListener<Conversation> onChange = c -> dirty = true;
    private final ListChangeListener<Alert> onAlert = this::announce;
    private final javafx.util.Subscription clockSubscription;
    private boolean dirty = true;
    private int ticks;

    public AttentionWatcher(ObservableList<Conversation> active, String meId, ObservableValue<Instant> now,
                            AlertsViewModel alertsViewModel, NotificationCenter notices) {
        this.active = active;
        this.meId = meId;
        this.alerts = alertsViewModel.alerts();
        this.notices = notices;
        active.addListener(onChange);
        alerts.addListener(onAlert);
        this.clockSubscription = now.subscribe(this::tick);
    }

    /** My conversations whose SLA clock is in WARNING. */
    public ReadOnlyIntegerProperty warningCountProperty() {
        return warningCount.getReadOnlyProperty();
    }

    private void tick(Instant now) {
        if (now == null) {
            return;
        }
        if (dirty || ++ticks >= RECOUNT_EVERY_TICKS) {
            recount(now);
        }
    }

    /** Recounts at once (tests, and right after the first snapshot loads). */
    public void recount(Instant now) {
        dirty = false;
        ticks = 0;
        int count = 0;
        for (Conversation c : active) {
            if (meId.equals(c.assigneeId()) && c.slaStateAt(now) == SlaState.WARNING) {
                count++;
            }
        }
        warningCount.set(count);
    }

    private void announce(ListChangeListener.Change<? extends Alert> change) {
        while (change.next()) {
            for (Alert alert : change.getAddedSubList()) {
                boolean warning = alert.kind() == Alert.Kind.WARNING;
                Conversation c = alert.conversation();
                notices.post(new Notice(warning ? Notice.Level.WARNING : Notice.Level.INFO,
                        UiText.of(warning ? "notice.warning" : "notice.assigned"),
                        UiText.of("notice.conversation", name(c), c.brandId())));
            }
        }
    }

    private static String name(Conversation c) {
        return c.customerName() != null && !c.customerName().isBlank() ? c.customerName()
                : c.customerHandle() != null ? c.customerHandle() : c.id();
    }

    public void close() {
        active.removeListener(onChange);
        alerts.removeListener(onAlert);
        clockSubscription.unsubscribe();
    }
}
