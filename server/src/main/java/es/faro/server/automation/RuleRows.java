package es.faro.server.automation;

import es.faro.protocol.automation.AutomationRule;
import es.faro.protocol.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The automation_rules table (V70): one row per rule, its JSON and the columns it is ordered by. */
final class RuleRows {
    private RuleRows() {
    }

    static List<AutomationRule> all(Connection c) throws SQLException {
        List<AutomationRule> rules = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT json FROM automation_rules ORDER BY position, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rules.add(Json.read(rs.getString(1), AutomationRule.class));
            }
        }
        return rules;
    }

    static Optional<AutomationRule> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT json FROM automation_rules WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Json.read(rs.getString(1), AutomationRule.class)) : Optional.empty();
            }
        }
    }

    static int count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM automation_rules");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static void upsert(Connection c, AutomationRule rule) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO automation_rules (id, position, enabled, json)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET position = excluded.position,"
                + " enabled = excluded.enabled, json = excluded.json")) {
            ps.setString(1, rule.id());
            ps.setInt(2, rule.position());
            ps.setInt(3, rule.enabled() ? 1 : 0);
            ps.setString(4, Json.write(rule));
            ps.executeUpdate();
        }
    }

    static boolean delete(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM automation_rules WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() > 0;
        }
    }
}
