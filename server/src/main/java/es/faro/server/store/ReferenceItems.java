package es.faro.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reference data (brands, labels, queues, calendars, SLA policies, canned responses) as JSON rows by kind. */
public final class ReferenceItems {
    public static final String BRAND = "brand";
    public static final String LABEL = "label";
    public static final String QUEUE = "queue";
    public static final String CALENDAR = "calendar";
    public static final String SLA_POLICY = "sla_policy";
    public static final String CANNED_RESPONSE = "canned_response";

    private ReferenceItems() {
    }

    public static <T> List<T> list(Connection c, String kind, Class<T> type) throws SQLException {
        List<T> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT json FROM reference_items WHERE kind = ? ORDER BY position, id")) {
            ps.setString(1, kind);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(Rows.json(rs.getString(1), type));
                }
            }
        }
        return result;
    }

    /**
     * Makes the rows of {@code kind} exactly {@code items} (id → JSON, in order). Returns whether
     * anything changed, so an unchanged restart writes no event.
     */
    public static boolean replace(Connection c, String kind, Map<String, String> items) throws SQLException {
        Map<String, String> current = new java.util.LinkedHashMap<>();
        Map<String, Integer> positions = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, json, position FROM reference_items WHERE kind = ?")) {
            ps.setString(1, kind);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    current.put(rs.getString(1), rs.getString(2));
                    positions.put(rs.getString(1), rs.getInt(3));
                }
            }
        }
        boolean changed = false;
        int position = 0;
        for (Map.Entry<String, String> item : items.entrySet()) {
            String id = item.getKey();
            if (!item.getValue().equals(current.get(id)) || positions.getOrDefault(id, -1) != position) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO reference_items (kind, id, position, json)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET position = excluded.position,"
                        + " json = excluded.json")) {
                    ps.setString(1, kind);
                    ps.setString(2, id);
                    ps.setInt(3, position);
                    ps.setString(4, item.getValue());
                    ps.executeUpdate();
                }
                changed = true;
            }
            position++;
        }
        for (String id : current.keySet()) {
            if (!items.containsKey(id)) {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM reference_items WHERE kind = ? AND id = ?")) {
                    ps.setString(1, kind);
                    ps.setString(2, id);
                    ps.executeUpdate();
                }
                changed = true;
            }
        }
        return changed;
    }
}
