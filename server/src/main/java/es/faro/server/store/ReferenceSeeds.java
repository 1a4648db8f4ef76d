package es.faro.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reference items that admins edit through the API (SLA policies, calendars): the configuration
 * files seed them, and after that the database is the source of truth. An item of the files is
 * written only when its id was never seeded before (table {@code reference_seeds}); an item an
 * admin edited keeps the edit, and one an admin deleted stays deleted across restarts.
 */
public final class ReferenceSeeds {
    private ReferenceSeeds() {
    }

    /** The ids of {@code kind} seeded at some time from the files. */
    public static Set<String> seeded(Connection c, String kind) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM reference_seeds WHERE kind = ?")) {
            ps.setString(1, kind);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /**
     * Adds the items of the files never seeded before, each at its position in the files (clamped to
     * the current list), and records them as seeded. Returns whether the stored list changed.
     */
    public static <T> boolean seedAbsent(Connection c, String kind, List<T> fromFiles, Function<T, String> idOf,
                                         Class<T> type) throws SQLException {
        Set<String> seeded = seeded(c, kind);
        List<T> current = new ArrayList<>(ReferenceItems.list(c, kind, type));
        Set<String> present = new HashSet<>();
        current.forEach(item -> present.add(idOf.apply(item)));
        boolean added = false;
        for (int i = 0; i < fromFiles.size(); i++) {
            T item = fromFiles.get(i);
            String id = idOf.apply(item);
            if (id == null || seeded.contains(id)) {
                continue;
            }
            if (!present.contains(id)) {
                current.add(Math.min(i, current.size()), item);
                present.add(id);
                added = true;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO reference_seeds (kind, id) VALUES (?, ?) ON CONFLICT (kind, id) DO NOTHING")) {
                ps.setString(1, kind);
                ps.setString(2, id);
                ps.executeUpdate();
            }
        }
        return added && ReferenceItems.replace(c, kind, current, idOf, type);
    }
}
