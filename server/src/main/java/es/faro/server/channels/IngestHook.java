package es.faro.server.channels;

import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Message;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Extra work for a feature inside the ingest transaction (e.g. the community's posts and their
 * kudos and view counts). Runs on the writer thread; must not block on anything but the connection.
 */
public interface IngestHook {
    /** {@code message} of {@code in} was stored in {@code conversation}. */
    void stored(Connection c, Brand brand, InboundMessage in, Message message, Conversation conversation, Instant now)
            throws SQLException;

    /** {@code in} repeats a message already stored as {@code existing} (e.g. a poller saw it again). */
    default void repeated(Connection c, Brand brand, InboundMessage in, Message existing, Instant now)
            throws SQLException {
    }
}
