package es.faro.server.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One LISTEN connection per node: wakes the node's fan-out when any node announces committed events.
 * On a lost connection it reconnects and wakes the fan-out once (notifications sent meanwhile are
 * gone, the rows are not).
 */
final class EventListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventListener.class);
    private static final int POLL_MILLIS = 500;

    private final String url;
    private final String channel;
    private final Runnable onEvents;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    EventListener(String url, String channel, Runnable onEvents) {
        this.url = url;
        this.channel = channel;
        this.onEvents = onEvents;
        this.thread = new Thread(this::loop, "faro-event-listener");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long backoff = 100;
        while (running) {
            try (Connection c = DriverManager.getConnection(url)) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + channel);
                }
                backoff = 100;
                onEvents.run();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] got = pg.getNotifications(POLL_MILLIS);
                    if (got != null && got.length > 0) {
                        onEvents.run();
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                LOG.warn("event LISTEN connection failed ({}); reconnecting in {} ms", e.getMessage(), backoff);
                sleep(backoff);
                backoff = Math.min(5_000, backoff * 2);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2 * POLL_MILLIS + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("closing the LISTEN connection failed", e);
            }
        }
    }
}
