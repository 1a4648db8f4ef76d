package es.faro.client.ui.attention;

import es.faro.client.ui.common.Notice;
import es.faro.client.ui.common.NotificationCenter;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.sla.SlaState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Watches the agent's own conversations: how many are in SLA WARNING now (for the window title and
 * the tray badge), and tells the agent when one is newly assigned to them or newly enters WARNING.
 * Runs on the UI thread; recounts on the shared clock's tick when the list changed, and every few
 * seconds anyway because time alone moves conversations into WARNING.
 */
public final class AttentionWatcher {
    /** Beyond this many at once, one summary notice instead of a flood. */
    static final int MAX_SINGLE_NOTICES = 3;
    private static final int RECOUNT_EVERY_TICKS = 5;

    private final ObservableList<Conversation> active;
    private final String meId;
    private final NotificationCenter notices;
    private final ReadOnlyIntegerWrapper warningCount = new ReadOnlyIntegerWrapper(this, "warningCount");
    private final ListChangeListener<Conversation> onChange = c -> dirty = true;
    private final javafx.util.Subscription clockSubscription;
    private Set<String> mine = null;
    private Set<String> warning = null;
    private boolean dirty = true;
    private int ticks;

    public AttentionWatcher(ObservableList<Conversation> active, String meId, ObservableValue<Instant> now,
                            NotificationCenter notices) {
        this.active = active;
        this.meId = meId;
        this.notices = notices;
        active.addListener(onChange);
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
        Set<String> mineNow = new HashSet<>();
        Set<String> warningNow = new HashSet<>();
        List<Conversation> newlyMine = new ArrayList<>();
        List<Conversation> newlyWarning = new ArrayList<>();
        for (Conversation c : active) {
            if (!meId.equals(c.assigneeId())) {
                continue;
            }
            mineNow.add(c.id());
            if (mine != null && !mine.contains(c.id())) {
                newlyMine.add(c);
            }
            if (c.slaStateAt(now) == SlaState.WARNING) {
                warningNow.add(c.id());
                if (warning != null && !warning.contains(c.id())) {
                    newlyWarning.add(c);
                }
            }
        }
        boolean first = mine == null;
        mine = mineNow;
        warning = warningNow;
        warningCount.set(warningNow.size());
        if (first || active.isEmpty()) {
            // The first count only learns the starting point: what was already there is not news.
            return;
        }
        announce(newlyMine, Notice.Level.INFO, "notice.assigned", "notice.assigned.many");
        announce(newlyWarning, Notice.Level.WARNING, "notice.warning", "notice.warning.many");
    }

    private void announce(List<Conversation> items, Notice.Level level, String one, String many) {
        if (items.isEmpty()) {
            return;
        }
        if (items.size() > MAX_SINGLE_NOTICES) {
            notices.post(new Notice(level, UiText.of(many, items.size()), null));
            return;
        }
        for (Conversation c : items) {
            notices.post(new Notice(level, UiText.of(one), UiText.of("notice.conversation", name(c), c.brandId())));
        }
    }

    private static String name(Conversation c) {
        return c.customerName() != null && !c.customerName().isBlank() ? c.customerName()
                : c.customerHandle() != null ? c.customerHandle() : c.id();
    }

    public void close() {
        active.removeListener(onChange);
        clockSubscription.unsubscribe();
    }
}
