package es.faro.server.http;

import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Role;
import es.faro.server.audit.AuditLog;
import es.faro.server.audit.AuditOrigin;
import es.faro.server.store.Agents;
import es.faro.server.store.Store;
import es.faro.server.store.Tokens;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Analyst API tokens: long-lived bearer tokens for the read-only analyst users, which admins issue,
 * list and revoke ({@code /api/v1/admin/api-tokens}). A token acts as its analyst, so the auth filter
 * refuses it every write. The token is shown once, when issued; only its SHA-256 is stored.
 */
public final class ApiTokenRoutes {
    static final Duration DEFAULT_LIFETIME = Duration.ofDays(365);
    static final Duration MAX_LIFETIME = Duration.ofDays(3 * 365);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, name, agent_id, created_by, created_at, expires_at, revoked_at";

    /** {@code POST} body: a name, the analyst's user id, optionally when it expires (default in a year). */
    public record IssueRequest(String name, String agentId, Instant expiresAt) {
    }

    private final Store store;
    private final Clock clock;
    private final Bodies bodies;

    public ApiTokenRoutes(Store store, Clock clock, Bodies bodies) {
        this.store = store;
        this.clock = clock;
        this.bodies = bodies;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/admin/api-tokens", this::issue);
        routes.get("/api/v1/admin/api-tokens", ctx -> {
            admin(ctx);
            ctx.json(Map.of("items", store.read(ApiTokenRoutes::list)));
        });
        routes.delete("/api/v1/admin/api-tokens/{id}", this::revoke);
    }

    private static void admin(Context ctx) {
        if (!Principal.agent(ctx).hasRole(Role.ADMIN)) {
            throw ApiException.forbidden("API tokens are managed by admins");
        }
    }

    private void issue(Context ctx) {
        admin(ctx);
        Agent admin = Principal.agent(ctx);
        IssueRequest req;
        try {
            req = bodies.json(ctx, IssueRequest.class);
        } catch (DateTimeParseException e) {
            throw ApiException.validation("expiresAt must be an ISO-8601 instant");
        }
        if (req == null || req.name() == null || req.name().isBlank() || req.name().length() > 100) {
            throw ApiException.validation("name (at most 100 characters) is required");
        }
        if (req.agentId() == null || req.agentId().isBlank()) {
            throw ApiException.validation("agentId (an analyst user) is required");
        }
        Instant now = clock.instant();
        Instant expires = req.expiresAt() == null ? now.plus(DEFAULT_LIFETIME) : req.expiresAt();
        if (!expires.isAfter(now) || expires.isAfter(now.plus(MAX_LIFETIME))) {
            throw ApiException.validation("expiresAt must be in the future and at most " + MAX_LIFETIME.toDays()
                    + " days away");
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "faro_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String id = "tok-" + UUID.randomUUID();
        String from = AuditOrigin.address();
        Map<String, Object> created = Futures.await(store.write(c -> {
            Agent analyst = Agents.byId(c, req.agentId())
                    .orElseThrow(() -> ApiException.validation("no user " + req.agentId()));
            if (!Principal.readOnly(analyst)) {
                throw ApiException.validation(analyst.username() + " is not a read-only analyst; API tokens act as"
                        + " analysts only");
            }
            Tokens.insert(c, AuthService.hash(token), analyst.id(), now, expires);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_tokens (id, name, token_hash, agent_id,"
                    + " created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, req.name().strip());
                ps.setString(3, AuthService.hash(token));
                ps.setString(4, analyst.id());
                ps.setString(5, admin.id());
                ps.setLong(6, now.toEpochMilli());
                ps.setLong(7, expires.toEpochMilli());
                ps.executeUpdate();
            }
            AuditLog.append(c, now, admin.id(), "api_token.issue", id, from, "\"" + req.name().strip() + "\" for "
                    + analyst.id() + " until " + expires);
            return find(c, id);
        }));
        Map<String, Object> body = new LinkedHashMap<>(created);
        body.put("token", token);
        ctx.status(201).json(body);
    }

    private void revoke(Context ctx) {
        admin(ctx);
        String id = ctx.pathParam("id");
        Instant now = clock.instant();
        String actor = Principal.agent(ctx).id();
        String from = AuditOrigin.address();
        ctx.json(Futures.await(store.write(c -> {
            String hash;
            try (PreparedStatement ps = c.prepareStatement("SELECT token_hash FROM api_tokens WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ApiException.notFound("no API token " + id);
                    }
                    hash = rs.getString(1);
                }
            }
            Tokens.revoke(c, hash);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setString(2, id);
                if (ps.executeUpdate() == 1) { // a second revocation changes nothing and is not audited again
                    AuditLog.append(c, now, actor, "api_token.revoke", id, from, null);
                }
            }
            return find(c, id);
        })));
    }

    private static Map<String, Object> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_tokens WHERE id = ?")) {
            ps.setString(1, id);
            List<Map<String, Object>> rows = rows(ps);
            return rows.get(0);
        }
    }

    private static List<Map<String, Object>> list(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_tokens ORDER BY created_at, id")) {
            return rows(ps);
        }
    }

    private static List<Map<String, Object>> rows(PreparedStatement ps) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", rs.getString(1));
                m.put("name", rs.getString(2));
                m.put("agentId", rs.getString(3));
                m.put("createdBy", rs.getString(4));
                m.put("createdAt", Instant.ofEpochMilli(rs.getLong(5)));
                m.put("expiresAt", Instant.ofEpochMilli(rs.getLong(6)));
                long revoked = rs.getLong(7);
                m.put("revoked", !rs.wasNull());
                if (!rs.wasNull()) {
                    m.put("revokedAt", Instant.ofEpochMilli(revoked));
                }
                out.add(m);
            }
        }
        return out;
    }
}
