package es.faro.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import es.faro.protocol.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
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
     * Makes the rows of {@code kind} exactly {@code items}, in order. Returns whether anything changed,
     * so an unchanged restart writes no event. Rows are compared as records, not as JSON text: the
     * protocol's immutable maps and sets serialize in a different order on every JVM run.
     */
    public static <T> boolean replace(Connection c, String kind, List<T> items, Function<T, String> idOf,
                                      Class<T> type) throws SQLException {
        Map<String, T> current = new HashMap<>();
        Map<String, Integer> positions = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, json, position FROM reference_items WHERE kind = ?")) {
            ps.setString(1, kind);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    current.put(rs.getString(1), Rows.json(rs.getString(2), type));
                    positions.put(rs.getString(1), rs.getInt(3));
                }
            }
        }
        boolean changed = false;
        Set<String> ids = new HashSet<>();
        int position = 0;
        for (T item : items) {
            String id = idOf.apply(item);
            if (id == null || !ids.add(id)) {
                throw new IllegalStateException("a " + kind + " without an id or with a repeated id: " + id);
            }
            if (!item.equals(current.get(id)) || positions.getOrDefault(id, -1) != position) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO reference_items (kind, id, position, json)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET position = excluded.position,"
                        + " json = excluded.json")) {
                    ps.setString(1, kind);
                    ps.setString(2, id);
                    ps.setInt(3, position);
                    ps.setString(4, Json.write(item));
                    ps.executeUpdate();
                }
                changed = true;
            }
            position++;
        }
        for (String id : current.keySet()) {
            if (!ids.contains(id)) {
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
