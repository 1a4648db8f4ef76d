package es.faro.server.http;

import es.faro.protocol.api.LoginResponse;
import es.faro.protocol.event.EventType;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Presence;
import es.faro.protocol.model.Role;
import es.faro.server.config.PasswordHasher;
import es.faro.server.store.Agents;
import es.faro.server.store.EventLog;
import es.faro.server.store.Store;
import es.faro.server.store.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Logins and bearer tokens. A token is 32 random bytes (base64url); only its SHA-256 is stored, so
 * the database alone cannot be used to impersonate anyone.
 */
public final class AuthService {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Verified against when the username is unknown, so both failures take the same time. */
    private static final String DUMMY_HASH = PasswordHasher.hash("not-a-password");

    private final Store store;
    private final Duration ttl;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final java.util.List<java.util.function.Consumer<String>> logoutListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public AuthService(Store store, Duration ttl, Clock clock) {
        this(store, ttl, clock, new LoginThrottle(store, 10, Duration.ofMinutes(15), clock));
    }

    public AuthService(Store store, Duration ttl, Clock clock, LoginThrottle throttle) {
        this.store = store;
        this.ttl = ttl;
        this.clock = clock;
        this.throttle = throttle;
    }

    public LoginResponse login(String username, String password) {
        return login(username, password, null);
    }

    /** Logs in; {@code address} (the client's, may be null) counts towards the failed-login limit. */
    public LoginResponse login(String username, String password, String address) {
        throttle.check(username, address);
        Optional<Agents.Row> row = store.read(c -> Agents.byUsername(c, username));
        boolean ok = PasswordHasher.verify(password, row.map(Agents.Row::passwordHash).orElse(DUMMY_HASH));
        if (row.isEmpty() || !ok) {
            throttle.failed(username, address);
            throw ApiException.unauthorized("wrong username or password");
        }
        throttle.succeeded(username);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        Agent agent = row.get().agent();
        Agent online = store.write(c -> {
            Tokens.insert(c, hash(token), agent.id(), now, expires);
            es.faro.server.audit.AuditLog.append(c, now, agent.id(), "auth.login", agent.id(), address, null);
            return markPresence(c, agent, Presence.ONLINE, now);
        }).join();
        return new LoginResponse(token, online, expires);
    }

    /**
     * The agent behind a valid token (not expired, not revoked). An API token acts as an analyst and
     * nothing more, whatever roles its user is given later: it stays read-only for its whole life.
     */
    public Optional<Agent> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(token);
        Instant now = clock.instant();
        return store.read(c -> {
            Optional<Tokens.Valid> valid = Tokens.valid(c, hash, now);
            if (valid.isEmpty()) {
                return Optional.<Agent>empty();
            }
            Optional<Agent> agent = Agents.byId(c, valid.get().agentId());
            return valid.get().apiToken() ? agent.map(AuthService::analystOnly) : agent;
        });
    }

    private static Agent analystOnly(Agent a) {
        return new Agent(a.id(), a.username(), a.name(), EnumSet.of(Role.ANALYST),
                a.brands(), a.channels(), a.languages(), a.capacity(), a.presence());
    }

    /** When the token stops being valid (its expiry); empty when it is unknown, expired or revoked. */
    public Optional<Instant> validUntil(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(token);
        Instant now = clock.instant();
        return store.read(c -> Tokens.validUntil(c, hash, now));
    }

    /** The clock tokens expire by. */
    public Instant now() {
        return clock.instant();
    }

    /** Told the token after each sign-out on this node (e.g. to close its event stream). */
    public void onLogout(java.util.function.Consumer<String> listener) {
        logoutListeners.add(listener);
    }

    public void logout(String token) {
        String hash = hash(token);
        Instant now = clock.instant();
        String from = es.faro.server.audit.AuditOrigin.address();
        store.write(c -> {
            Optional<String> agentId = Tokens.validAgent(c, hash, now);
            Tokens.revoke(c, hash);
            if (agentId.isPresent()) {
                es.faro.server.audit.AuditLog.append(c, now, agentId.get(), "auth.logout", agentId.get(),
                        from, null);
                Optional<Agent> agent = Agents.byId(c, agentId.get());
                if (agent.isPresent()) {
                    markPresence(c, agent.get(), Presence.OFFLINE, now);
                }
            }
            return null;
        }).join();
        logoutListeners.forEach(l -> l.accept(token));
    }

    /** Signing in makes an agent ONLINE and signing out OFFLINE; every client hears it as agent.updated. */
    private static Agent markPresence(java.sql.Connection c, Agent agent, Presence presence, Instant now)
            throws java.sql.SQLException {
        Optional<Agent> changed = Agents.setPresence(c, agent.id(), presence);
        if (changed.isEmpty()) {
            return agent.withPresence(presence);
        }
        EventLog.append(c, EventType.AGENT, now, null, null, changed.get());
        return changed.get();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
