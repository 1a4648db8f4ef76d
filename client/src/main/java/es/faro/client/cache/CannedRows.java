package es.faro.client.cache;

import es.faro.protocol.json.Json;
import es.faro.protocol.model.CannedResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code canned_responses} table of the cache (V50): one JSON row per canned response. */
final class CannedRows {
    private CannedRows() {
    }

    static List<CannedResponse> all(Connection c) throws SQLException {
        List<CannedResponse> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT json FROM canned_responses ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(Json.read(rs.getString(1), CannedResponse.class));
            }
        }
        return result;
    }

    static void upsert(Connection c, CannedResponse r, ChangeCollector changes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO canned_responses (id, json) VALUES (?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET json = excluded.json")) {
            ps.setString(1, r.id());
            ps.setString(2, Json.write(r));
            ps.executeUpdate();
        }
        changes.cannedResponses();
    }

    static void delete(Connection c, String id, ChangeCollector changes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM canned_responses WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
        changes.cannedResponses();
    }

    static void replaceAll(Connection c, List<CannedResponse> all, ChangeCollector changes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM canned_responses")) {
            ps.executeUpdate();
        }
        for (CannedResponse r : all) {
            upsert(c, r, changes);
        }
        changes.cannedResponses();
    }
}
