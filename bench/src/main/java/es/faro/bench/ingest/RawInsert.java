package es.faro.bench.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The ceiling: the server's message rows inserted with bare sqlite-jdbc, one prepared statement,
 * JDBC batches, one transaction, same durability settings (WAL, synchronous=FULL), into a table
 * with the server's messages columns, keys and indexes.
 */
final class RawInsert {
    private RawInsert() {
    }

    record Result(int rows, double rowsPerSecond) {
    }

    private record Row(String id, String conversationId, String kind, long createdAt, String channel,
                       String channelMessageId, String clientId, String json) {
    }

    static Result copyMessages(Path serverDb, Path target) throws SQLException, java.io.IOException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + serverDb);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT id, conversation_id, kind, created_at, channel, channel_message_id, client_id, json
                     FROM messages""")) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8)));
            }
        }
        Files.deleteIfExists(target);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("""
                        CREATE TABLE messages (
                            id                 TEXT    NOT NULL PRIMARY KEY,
                            conversation_id    TEXT    NOT NULL,
                            kind               TEXT    NOT NULL,
                            created_at         INTEGER NOT NULL,
                            channel            TEXT    NOT NULL,
                            channel_message_id TEXT,
                            client_id          TEXT UNIQUE,
                            json               TEXT    NOT NULL,
                            UNIQUE (channel, channel_message_id))""");
                s.execute("CREATE INDEX messages_conversation ON messages (conversation_id, created_at, id)");
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Row r : rows) {
                    ps.setString(1, r.id());
                    ps.setString(2, r.conversationId());
                    ps.setString(3, r.kind());
                    ps.setLong(4, r.createdAt());
                    ps.setString(5, r.channel());
                    ps.setString(6, r.channelMessageId());
                    ps.setString(7, r.clientId());
                    ps.setString(8, r.json());
                    ps.addBatch();
                    if (++n % 1_000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Result(rows.size(), rows.size() / seconds);
        }
    }
}
