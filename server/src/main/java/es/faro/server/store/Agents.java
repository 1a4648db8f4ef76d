package es.faro.server.store;

import es.faro.protocol.json.Json;
import es.faro.protocol.model.Agent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Users with their password hashes. The hash never leaves this package except for verification. */
public final class Agents {
    private Agents() {
    }

    /** An agent with its credentials. */
    public record Row(Agent agent, String passwordHash, boolean demoOnly) {
        @Override
        public String toString() {
            return "Agents.Row[" + agent.username() + "]";
        }
    }

    public static List<Agent> all(Connection c) throws SQLException {
        List<Agent> result = new ArrayList<>();
        for (Row row : rows(c)) {
            result.add(row.agent());
        }
        return result;
    }

    public static List<Row> rows(Connection c) throws SQLException {
        List<Row> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT json, password_hash, demo_only FROM agents ORDER BY position, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(new Row(Rows.json(rs.getString(1), Agent.class), rs.getString(2), rs.getInt(3) != 0));
            }
        }
        return result;
    }

    public static Optional<Row> byUsername(Connection c, String username) throws SQLException {
        return one(c, "SELECT json, password_hash, demo_only FROM agents WHERE username = ?", username);
    }

    public static Optional<Agent> byId(Connection c, String id) throws SQLException {
        return one(c, "SELECT json, password_hash, demo_only FROM agents WHERE id = ?", id).map(Row::agent);
    }

    private static Optional<Row> one(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Row(Rows.json(rs.getString(1), Agent.class), rs.getString(2),
                        rs.getInt(3) != 0))
                        : Optional.empty();
            }
        }
    }

    public static void upsert(Connection c, Agent agent, int position, String passwordHash, boolean demoOnly)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO agents (id, username, position, password_hash,"
                + " demo_only, json) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                + " username = excluded.username, position = excluded.position,"
                + " password_hash = excluded.password_hash, demo_only = excluded.demo_only, json = excluded.json")) {
            ps.setString(1, agent.id());
            ps.setString(2, agent.username());
            ps.setInt(3, position);
            ps.setString(4, passwordHash);
            ps.setInt(5, demoOnly ? 1 : 0);
            ps.setString(6, Json.write(agent));
            ps.executeUpdate();
        }
    }

    /** Sets an agent's presence; returns the updated agent (empty when unknown or unchanged). */
    public static Optional<Agent> setPresence(Connection c, String agentId, es.faro.protocol.model.Presence presence)
            throws SQLException {
        Optional<Agent> current = byId(c, agentId);
        if (current.isEmpty() || current.get().presence() == presence) {
            return Optional.empty();
        }
        Agent updated = current.get().withPresence(presence);
        try (PreparedStatement ps = c.prepareStatement("UPDATE agents SET json = ? WHERE id = ?")) {
            ps.setString(1, Json.write(updated));
            ps.setString(2, agentId);
            ps.executeUpdate();
        }
        return Optional.of(updated);
    }
}
