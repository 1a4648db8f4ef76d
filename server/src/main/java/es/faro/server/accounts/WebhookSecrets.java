package es.faro.server.accounts;

import es.faro.protocol.model.Channel;
import es.faro.server.store.Store;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Webhook secrets per channel, in the database (seeded from {@code channels.<channel>.secret}). A
 * rotation adds a new current secret and gives the old ones a retirement instant ({@code now + grace}):
 * until then both verify, so the network can be switched over without a moment of refused deliveries;
 * after it the old one is refused. Secrets are never logged; outside the server they are shown masked,
 * except once, in the answer to the rotation that created them. Read through a short cache (every
 * webhook verifies), refreshed at once on this node's changes and within {@link #CACHE_TTL} of another node's.
 */
public final class WebhookSecrets {
    static final Duration CACHE_TTL = Duration.ofSeconds(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Store store;
    private final Clock clock;
    private volatile Map<Channel, List<Secret>> cache;
    private volatile long cachedAt;

    /** One stored secret. */
    public record Secret(String id, Channel channel, String value, Instant createdAt, Instant retiresAt) {
        public boolean validAt(Instant at) {
            return retiresAt == null || at.isBefore(retiresAt);
        }

        /** What may be shown: the last four characters only. */
        public String masked() {
            return mask(value);
        }
    }

    public WebhookSecrets(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public static String mask(String secret) {
        return secret == null || secret.length() < 12 ? "••••" : "••••" + secret.substring(secret.length() - 4);
    }

    /** Stores the configured secret of each channel that has none stored yet. */
    public void seed(Map<Channel, String> configured) {
        store.write(c -> {
            Map<Channel, List<Secret>> stored = all(c);
            for (Map.Entry<Channel, String> e : configured.entrySet()) {
                if (!stored.containsKey(e.getKey()) && e.getValue() != null && !e.getValue().isBlank()) {
                    insert(c, new Secret("ws-" + UUID.randomUUID(), e.getKey(), e.getValue(), clock.instant(), null));
                }
            }
            return null;
        }).join();
        cache = null;
    }

    /** The secrets that verify now, the current one first; empty when none is stored for the channel. */
    public List<String> valid(Channel channel) {
        Instant now = clock.instant();
        List<String> result = new ArrayList<>();
        for (Secret s : cached().getOrDefault(channel, List.of())) {
            if (s.validAt(now)) {
                result.add(s.value());
            }
        }
        return result;
    }

    /** Every stored secret of a channel (current and retiring or retired), newest first. */
    public List<Secret> list(Channel channel) {
        return store.read(c -> all(c)).getOrDefault(channel, List.of());
    }

    /**
     * Makes {@code newSecret} (or a generated one when null) the current secret; the ones valid until
     * now stay valid for {@code grace}. Returns the new secret (the only time it is shown in clear).
     */
    public Secret rotate(Channel channel, String newSecret, Duration grace) {
        String value = newSecret != null ? newSecret : generate();
        es.faro.server.audit.AuditOrigin.Origin origin = es.faro.server.audit.AuditOrigin.current();
        Secret created = store.write(c -> {
            Instant now = clock.instant();
            if (origin.actor() != null) {
                // Who rotated which channel's secret and for how long the old one stays valid; never the secret.
                es.faro.server.audit.AuditLog.append(c, now, origin.actor().id(), "channel.secret.rotate",
                        channel.wireName(), origin.address(), "grace " + grace);
            }
            Instant retire = now.plus(grace);
            try (PreparedStatement ps = c.prepareStatement("UPDATE channel_secrets SET retires_at = ?"
                    + " WHERE channel = ? AND (retires_at IS NULL OR retires_at > ?)")) {
                ps.setLong(1, retire.toEpochMilli());
                ps.setString(2, channel.name());
                ps.setLong(3, retire.toEpochMilli());
                ps.executeUpdate();
            }
            Secret s = new Secret("ws-" + UUID.randomUUID(), channel, value, now, null);
            insert(c, s);
            return s;
        }).join();
        cache = null;
        return created;
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private Map<Channel, List<Secret>> cached() {
        Map<Channel, List<Secret>> c = cache;
        long now = System.nanoTime();
        if (c == null || now - cachedAt > CACHE_TTL.toNanos()) {
            c = store.read(WebhookSecrets::all);
            cache = c;
            cachedAt = now;
        }
        return c;
    }

    private static Map<Channel, List<Secret>> all(Connection c) throws SQLException {
        Map<Channel, List<Secret>> result = new EnumMap<>(Channel.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT id, channel, secret, created_at, retires_at"
                + " FROM channel_secrets ORDER BY CASE WHEN retires_at IS NULL THEN 0 ELSE 1 END, created_at DESC, id DESC");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long retires = rs.getLong(5);
                Instant retiresAt = rs.wasNull() ? null : Instant.ofEpochMilli(retires);
                Channel channel = Channel.valueOf(rs.getString(2));
                result.computeIfAbsent(channel, k -> new ArrayList<>()).add(new Secret(rs.getString(1), channel,
                        rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)), retiresAt));
            }
        }
        return result;
    }

    private static void insert(Connection c, Secret s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO channel_secrets (id, channel, secret,"
                + " created_at, retires_at) VALUES (?, ?, ?, ?, NULL)")) {
            ps.setString(1, s.id());
            ps.setString(2, s.channel().name());
            ps.setString(3, s.value());
            ps.setLong(4, s.createdAt().toEpochMilli());
            ps.executeUpdate();
        }
    }

}
