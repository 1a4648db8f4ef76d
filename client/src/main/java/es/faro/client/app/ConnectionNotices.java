package es.faro.client.app;

import es.faro.client.sync.ConnectionState;
import es.faro.client.ui.common.Notice;
import es.faro.client.ui.common.NotificationCenter;
import es.faro.client.ui.common.UiText;
import java.util.function.Consumer;

/**
 * Turns the sync engine's connection states into notices: the link dropped ("Sin conexión: tus
 * cambios esperan en la bandeja de salida"), came back, or the session expired (the composition
 * root also shows the login screen then). Only changes are announced, never every retry.
 */
final class ConnectionNotices implements Consumer<ConnectionState> {
    static final String SESSION_EXPIRED = "session expired";

    private final NotificationCenter notices;
    private final Runnable onSessionExpired;
    private ConnectionState.Status previous;
    private boolean expired;

    ConnectionNotices(NotificationCenter notices, Runnable onSessionExpired) {
        this.notices = notices;
        this.onSessionExpired = onSessionExpired;
    }

    @Override
    public synchronized void accept(ConnectionState s) {
        ConnectionState.Status was = previous;
        previous = s.status();
        if (s.status() == ConnectionState.Status.OFFLINE && SESSION_EXPIRED.equals(s.detail())) {
            if (!expired) {
                expired = true;
                notices.post(new Notice(Notice.Level.DANGER, UiText.of("notice.sessionExpired"),
                        UiText.of("notice.sessionExpired.detail")));
                onSessionExpired.run();
            }
            return;
        }
        if (s.status() == ConnectionState.Status.ONLINE) {
            expired = false;
        }
        if (was == ConnectionState.Status.ONLINE && s.status() == ConnectionState.Status.OFFLINE) {
            notices.post(new Notice(Notice.Level.WARNING, UiText.of("notice.offline"), UiText.of("notice.offline.detail")));
        } else if (was == ConnectionState.Status.OFFLINE && s.status() == ConnectionState.Status.ONLINE) {
            notices.post(new Notice(Notice.Level.SUCCESS, UiText.of("notice.online"), null));
        }
    }
}
