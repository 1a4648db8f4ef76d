package es.faro.server.canned;

import es.faro.protocol.json.Json;
import es.faro.protocol.model.CannedResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code canned_responses} table (both dialects), inside the caller's transaction. The usage
 * count lives in its own column and is copied into the record on every read.
 */
public final class CannedResponses {
    private static final String COLUMNS = "json, usage_count";

    private CannedResponses() {
    }

    /** Every live canned response, shared and personal, by folder and title. */
    public static List<CannedResponse> all(Connection c) throws SQLException {
        List<CannedResponse> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM canned_responses WHERE deleted = 0 ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(read(rs));
            }
        }
        return result;
    }

    /** One live canned response. */
    public static Optional<CannedResponse> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM canned_responses WHERE id = ? AND deleted = 0")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Inserts or replaces; the stored usage count is the record's. */
    public static void upsert(Connection c, CannedResponse r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO canned_responses"
                + " (id, brand_id, language, owner_id, json, usage_count, deleted) VALUES (?, ?, ?, ?, ?, ?, 0)"
                + " ON CONFLICT (id) DO UPDATE SET brand_id = excluded.brand_id, language = excluded.language,"
                + " owner_id = excluded.owner_id, json = excluded.json, usage_count = excluded.usage_count,"
                + " deleted = 0")) {
            ps.setString(1, r.id());
            ps.setString(2, r.brandId());
            ps.setString(3, r.language());
            ps.setString(4, r.ownerId());
            ps.setString(5, Json.write(r));
            ps.setInt(6, r.usageCount());
            ps.executeUpdate();
        }
    }

    /** Marks it deleted (a tombstone, so the reference seed does not bring it back). */
    public static boolean delete(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE canned_responses SET deleted = 1 WHERE id = ? AND deleted = 0")) {
            ps.setString(1, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** Counts one use; returns the new state, empty when it does not exist (any more). */
    public static Optional<CannedResponse> countUse(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE canned_responses SET usage_count = usage_count + 1 WHERE id = ? AND deleted = 0")) {
            ps.setString(1, id);
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        return find(c, id);
    }

    /**
     * Inserts the reference files' canned responses that the table has never held (live or deleted);
     * edits made in the app are never overwritten. Returns whether any row was added.
     */
    public static boolean seed(Connection c, List<CannedResponse> seeds) throws SQLException {
        boolean added = false;
        for (CannedResponse r : seeds) {
            if (r.id() == null) {
                throw new IllegalStateException("a canned response without an id in canned-responses.json");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO canned_responses"
                    + " (id, brand_id, language, owner_id, json, usage_count, deleted) VALUES (?, ?, ?, ?, ?, ?, 0)"
                    + " ON CONFLICT (id) DO NOTHING")) {
                ps.setString(1, r.id());
                ps.setString(2, r.brandId());
                ps.setString(3, r.language() == null ? "" : r.language());
                ps.setString(4, r.ownerId());
                ps.setString(5, Json.write(r));
                ps.setInt(6, r.usageCount());
                added |= ps.executeUpdate() == 1;
            }
        }
        return added;
    }

    private static CannedResponse read(ResultSet rs) throws SQLException {
        CannedResponse r;
        try {
            r = Json.MAPPER.readValue(rs.getString(1), CannedResponse.class);
        } catch (IOException e) {
            throw new SQLException("corrupt canned response row", e);
        }
        return withUsage(r, rs.getInt(2));
    }

    static CannedResponse withUsage(CannedResponse r, int usage) {
        return new CannedResponse(r.id(), r.brandId(), r.language(), r.folder(), r.title(), r.shortcut(), r.body(),
                r.labels(), r.ownerId(), usage);
    }
}
