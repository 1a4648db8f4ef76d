package es.faro.client.ui.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where any part of the client posts a {@link Notice}; the window's overlay shows it and a sound may
 * play. Posting is allowed from any thread: delivery happens through the task runner's UI thread.
 * Notices posted while notifications are switched off are dropped (logged), except DANGER ones,
 * which say something stopped working (the session expired, the cache failed).
 */
public final class NotificationCenter {
    private static final Logger log = LoggerFactory.getLogger(NotificationCenter.class);

    private final TaskRunner ui;
    private final List<Consumer<Notice>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean enabled = true;
    private volatile boolean sound;

    public NotificationCenter(TaskRunner ui) {
        this.ui = ui;
    }

    public void post(Notice notice) {
        if (!enabled && notice.level() != Notice.Level.DANGER) {
            log.debug("notification off, not shown: {}", notice.title().key());
            return;
        }
        ui.runOnUi(() -> listeners.forEach(l -> l.accept(notice)));
    }

    /** Called on the UI thread with each notice to show. */
    public void addListener(Consumer<Notice> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Notice> listener) {
        listeners.remove(listener);
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    public void setSound(boolean sound) {
        this.sound = sound;
    }

    /** Whether this notice should be heard as well as seen. */
    public boolean audible(Notice notice) {
        return enabled && sound && (notice.level() == Notice.Level.WARNING || notice.level() == Notice.Level.DANGER);
    }
}
