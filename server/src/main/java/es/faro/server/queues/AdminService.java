package es.faro.server.queues;

import es.faro.protocol.api.UserRequest;
import es.faro.protocol.event.EventType;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Presence;
import es.faro.protocol.model.Role;
import es.faro.protocol.model.Team;
import es.faro.server.config.PasswordHasher;
import es.faro.server.http.ApiException;
import es.faro.server.store.Agents;
import es.faro.server.audit.AuditLog;
import es.faro.server.audit.AuditOrigin;
import es.faro.server.store.EventLog;
import es.faro.server.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Users (roles, skills, capacity, password reset) and teams, for admins. A user changed here is
 * marked admin-managed, so the reference files no longer overwrite it at startup. Passwords are
 * hashed with {@link PasswordHasher} and never returned.
 */
public final class AdminService {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,40}");
    static final int MIN_PASSWORD = 10;

    private final Store store;
    private final Clock clock;

    public AdminService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    static void requireAdmin(Agent actor) {
        if (!actor.hasRole(Role.ADMIN)) {
            throw ApiException.forbidden("only admins manage users and teams");
        }
    }

    // ---- users -------------------------------------------------------------------------------

    public List<Agent> users(Agent actor) {
        requireAdmin(actor);
        return store.read(Agents::all);
    }

    public Agent createUser(Agent actor, UserRequest req) {
        requireAdmin(actor);
        if (req == null || req.username() == null || !USERNAME.matcher(req.username()).matches()) {
            throw ApiException.validation("username is required: 2-40 of a-z, 0-9, '.', '_' or '-'");
        }
        if (req.name() == null || req.name().isBlank()) {
            throw ApiException.validation("name is required");
        }
        if (req.roles() == null || req.roles().isEmpty()) {
            throw ApiException.validation("roles is required (AGENT, LEAD, ADMIN, ANALYST)");
        }
        String hash = PasswordHasher.hash(password(req.password(), true));
        Agent agent = new Agent("u-" + UUID.randomUUID().toString().substring(0, 8), req.username(), req.name().trim(),
                req.roles(), req.brands(), req.channels(), req.languages(), capacity(req.capacity(), 0),
                Presence.OFFLINE);
        String from = AuditOrigin.address(); // read on the request's thread; the write runs on the store's
        return QueueService.join(store.write(c -> {
            if (Agents.byUsername(c, req.username()).isPresent()) {
                throw new ApiException(409, "username_taken", "there is already a user " + req.username());
            }
            Agents.upsert(c, agent, nextPosition(c), hash, false);
            markManaged(c, agent.id());
            EventLog.append(c, EventType.AGENT, clock.instant(), null, null, agent);
            AuditLog.append(c, clock.instant(), actor.id(), "admin.user.create", agent.id(), from, describe(agent));
            return agent;
        }));
    }

    /** Changes the given fields (a missing one keeps its value); {@code password} resets it. */
    public Agent updateUser(Agent actor, String id, UserRequest req) {
        requireAdmin(actor);
        if (req == null) {
            throw ApiException.validation("a JSON body with the fields to change is required");
        }
        if (req.username() != null && !USERNAME.matcher(req.username()).matches()) {
            throw ApiException.validation("username: 2-40 of a-z, 0-9, '.', '_' or '-'");
        }
        if (req.name() != null && req.name().isBlank()) {
            throw ApiException.validation("name must not be blank");
        }
        if (req.roles() != null && req.roles().isEmpty()) {
            throw ApiException.validation("a user needs at least one role");
        }
        String hash = req.password() == null ? null : PasswordHasher.hash(password(req.password(), false));
        String from = AuditOrigin.address();
        return QueueService.join(store.write(c -> {
            Agent current = Agents.byId(c, id).orElseThrow(() -> ApiException.notFound("no user " + id));
            if (req.username() != null && !req.username().equals(current.username())
                    && Agents.byUsername(c, req.username()).isPresent()) {
                throw new ApiException(409, "username_taken", "there is already a user " + req.username());
            }
            if (id.equals(actor.id()) && req.roles() != null && !req.roles().contains(Role.ADMIN)) {
                throw ApiException.validation("you cannot take the admin role from yourself");
            }
            Agent updated = new Agent(id, or(req.username(), current.username()), or(trim(req.name()), current.name()),
                    or(req.roles(), current.roles()), or(req.brands(), current.brands()),
                    or(req.channels(), current.channels()), or(req.languages(), current.languages()),
                    capacity(req.capacity(), current.capacity()), current.presence());
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE agents SET username = ?, json = ?, admin_managed = 1 WHERE id = ?")) {
                ps.setString(1, updated.username());
                ps.setString(2, Json.write(updated));
                ps.setString(3, id);
                ps.executeUpdate();
            }
            if (hash != null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE agents SET password_hash = ?, demo_only = 0 WHERE id = ?")) {
                    ps.setString(1, hash);
                    ps.setString(2, id);
                    ps.executeUpdate();
                }
            }
            EventLog.append(c, EventType.AGENT, clock.instant(), null, null, updated);
            // Never the password: only that it was reset.
            AuditLog.append(c, clock.instant(), actor.id(), "admin.user.update", id, from,
                    describe(updated) + (hash != null ? "; password reset" : ""));
            return updated;
        }));
    }

    /** Users an admin created or changed: the reference files leave them alone. */
    public static Set<String> managedUserIds(Connection c) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM agents WHERE admin_managed = 1");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    // ---- teams -------------------------------------------------------------------------------

    /** Admins see every team, leads the teams they lead; agents and analysts are refused. */
    public List<Team> teams(Agent actor) {
        if (actor.hasRole(Role.ADMIN)) {
            return store.read(QueueTables::teams);
        }
        if (actor.hasRole(Role.LEAD)) {
            return store.read(QueueTables::teams).stream().filter(t -> actor.id().equals(t.leadId())).toList();
        }
        throw ApiException.forbidden("teams are for leads and admins");
    }

    public Team saveTeam(Agent actor, String id, Team body) {
        requireAdmin(actor);
        if (body == null || body.name() == null || body.name().isBlank()) {
            throw ApiException.validation("name is required");
        }
        String teamId = id == null ? "t-" + UUID.randomUUID().toString().substring(0, 8) : id;
        Team team = new Team(teamId, body.name().trim(), body.leadId(), body.members());
        String from = AuditOrigin.address();
        return QueueService.join(store.write(c -> {
            if (id != null && QueueTables.teams(c).stream().noneMatch(t -> t.id().equals(id))) {
                throw ApiException.notFound("no team " + id);
            }
            if (team.leadId() != null) {
                Agent lead = Agents.byId(c, team.leadId())
                        .orElseThrow(() -> ApiException.validation("unknown lead " + team.leadId()));
                if (!lead.hasRole(Role.LEAD) && !lead.hasRole(Role.ADMIN)) {
                    throw ApiException.validation(lead.username() + " is not a lead");
                }
            }
            for (String member : team.members()) {
                if (Agents.byId(c, member).isEmpty()) {
                    throw ApiException.validation("unknown member " + member);
                }
            }
            QueueTables.upsertTeam(c, team);
            EventLog.append(c, EventType.TEAM, clock.instant(), null, null, team);
            AuditLog.append(c, clock.instant(), actor.id(), id == null ? "admin.team.create" : "admin.team.update",
                    teamId, from, team.name() + "; lead " + team.leadId() + "; members " + team.members());
            return team;
        }));
    }

    public void deleteTeam(Agent actor, String id) {
        requireAdmin(actor);
        String from = AuditOrigin.address();
        QueueService.join(store.write(c -> {
            if (!QueueTables.deleteTeam(c, id)) {
                throw ApiException.notFound("no team " + id);
            }
            EventLog.append(c, EventType.TEAM_DELETED, clock.instant(), null, null, Map.of("id", id));
            AuditLog.append(c, clock.instant(), actor.id(), "admin.team.delete", id, from, null);
            return null;
        }));
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** What an audit row says of a user: who and with which rights (never a password). */
    private static String describe(Agent a) {
        return a.username() + " (" + a.name() + "); roles " + a.roles() + "; brands " + a.brands()
                + "; channels " + a.channels() + "; capacity " + a.capacity();
    }

    private static String password(String password, boolean required) {
        if (password == null) {
            if (required) {
                throw ApiException.validation("password is required");
            }
            return null;
        }
        if (password.length() < MIN_PASSWORD || password.length() > 200) {
            throw ApiException.validation("a password has " + MIN_PASSWORD + " to 200 characters");
        }
        return password;
    }

    private static int capacity(Integer requested, int current) {
        if (requested == null) {
            return current;
        }
        if (requested < 0 || requested > 100) {
            throw ApiException.validation("capacity is 0 to 100 open conversations");
        }
        return requested;
    }

    private static int nextPosition(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(position), 0) + 1 FROM agents");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void markManaged(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE agents SET admin_managed = 1 WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
