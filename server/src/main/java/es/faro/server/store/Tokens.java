package es.faro.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Bearer tokens, by the hex SHA-256 of the token (a stolen database does not yield usable tokens). */
public final class Tokens {
    private Tokens() {
    }

    public static void insert(Connection c, String tokenHash, String agentId, Instant createdAt, Instant expiresAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO tokens (token_hash, agent_id, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, tokenHash);
            ps.setString(2, agentId);
            ps.setLong(3, createdAt.toEpochMilli());
            ps.setLong(4, expiresAt.toEpochMilli());
            ps.executeUpdate();
        }
    }

    /** A token that is neither revoked nor expired: whose it is, and whether an admin issued it as an API token. */
    public record Valid(String agentId, boolean apiToken) {
    }

    /** The agent id of a token that is neither revoked nor expired at {@code now}. */
    public static Optional<String> validAgent(Connection c, String tokenHash, Instant now) throws SQLException {
        return valid(c, tokenHash, now).map(Valid::agentId);
    }

    /** The holder of a token that is neither revoked nor expired at {@code now}. */
    public static Optional<Valid> valid(Connection c, String tokenHash, Instant now) throws SQLException {
        PreparedStatement ps = Statements.get(c, "SELECT t.agent_id, a.id FROM tokens t"
                + " LEFT JOIN api_tokens a ON a.token_hash = t.token_hash"
                + " WHERE t.token_hash = ? AND t.revoked = 0 AND t.expires_at > ?");
        ps.setString(1, tokenHash);
        ps.setLong(2, now.toEpochMilli());
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new Valid(rs.getString(1), rs.getString(2) != null)) : Optional.empty();
        }
    }

    /** The expiry of a token that is neither revoked nor expired at {@code now}. */
    public static Optional<java.time.Instant> validUntil(Connection c, String tokenHash, Instant now)
            throws SQLException {
        PreparedStatement ps = Statements.get(c,
                "SELECT expires_at FROM tokens WHERE token_hash = ? AND revoked = 0 AND expires_at > ?");
        ps.setString(1, tokenHash);
        ps.setLong(2, now.toEpochMilli());
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.empty();
        }
    }

    public static void revoke(Connection c, String tokenHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tokens SET revoked = 1 WHERE token_hash = ?")) {
            ps.setString(1, tokenHash);
            ps.executeUpdate();
        }
    }
}
