package es.faro.server.accounts;

import es.faro.protocol.model.Brand;
import es.faro.protocol.model.BrandAccount;
import es.faro.protocol.model.Channel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The channel_accounts table: each brand's account per channel (the id an inbound payload names, so
 * it finds its brand) and, for polled networks, the API to poll. Seeded from brands.json when absent;
 * from then on admins own it, and it overrides the accounts of the brands' reference records.
 */
public final class ChannelAccounts {
    private ChannelAccounts() {
    }

    /** One account; {@code pollCredentials} never leaves the server. */
    public record Account(String brandId, Channel channel, String accountId, String handle, String pollUrl,
                          String pollCredentials, Duration pollInterval, Instant updatedAt) {
    }

    private static final String COLUMNS = "brand_id, channel, account_id, handle, poll_url, poll_credentials,"
            + " poll_interval_ms, updated_at";

    /** Inserts the configured accounts that are not there yet (neither the account id nor the brand's channel). */
    public static int seed(Connection c, List<Brand> brands, Instant now) throws SQLException {
        int added = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO channel_accounts (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, NULL, NULL, NULL, ?) ON CONFLICT DO NOTHING")) {
            for (Brand b : brands) {
                for (Map.Entry<Channel, BrandAccount> e : b.accounts().entrySet()) {
                    ps.setString(1, b.id());
                    ps.setString(2, e.getKey().name());
                    ps.setString(3, e.getValue().id());
                    ps.setString(4, e.getValue().handle());
                    ps.setLong(5, now.toEpochMilli());
                    added += ps.executeUpdate();
                }
            }
        }
        return added;
    }

    /** The brands with their accounts as stored (brands without stored accounts keep the configured ones). */
    public static List<Brand> overlay(Connection c, List<Brand> brands) throws SQLException {
        Map<String, Map<Channel, BrandAccount>> byBrand = new HashMap<>();
        for (Account a : list(c)) {
            byBrand.computeIfAbsent(a.brandId(), k -> new EnumMap<>(Channel.class))
                    .put(a.channel(), new BrandAccount(a.accountId(), a.handle()));
        }
        if (byBrand.isEmpty()) {
            return brands;
        }
        List<Brand> result = new ArrayList<>(brands.size());
        for (Brand b : brands) {
            Map<Channel, BrandAccount> stored = byBrand.get(b.id());
            result.add(stored == null ? b : new Brand(b.id(), b.name(), b.color(), stored));
        }
        return result;
    }

    public static List<Account> list(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM channel_accounts ORDER BY brand_id, channel")) {
            return read(ps);
        }
    }

    public static Optional<Account> find(Connection c, Channel channel, String accountId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM channel_accounts WHERE channel = ? AND account_id = ?")) {
            ps.setString(1, channel.name());
            ps.setString(2, accountId);
            List<Account> rows = read(ps);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }
    }

    public static Optional<Account> ofBrand(Connection c, String brandId, Channel channel) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM channel_accounts WHERE brand_id = ? AND channel = ?")) {
            ps.setString(1, brandId);
            ps.setString(2, channel.name());
            List<Account> rows = read(ps);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }
    }

    public static void insert(Connection c, Account a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO channel_accounts (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(ps, a);
            ps.executeUpdate();
        }
    }

    /** Replaces the row of ({@code channel}, {@code oldAccountId}) with {@code a} (its id may change). */
    public static void replace(Connection c, String oldAccountId, Account a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM channel_accounts WHERE channel = ? AND account_id = ?")) {
            ps.setString(1, a.channel().name());
            ps.setString(2, oldAccountId);
            ps.executeUpdate();
        }
        insert(c, a);
    }

    private static void bind(PreparedStatement ps, Account a) throws SQLException {
        ps.setString(1, a.brandId());
        ps.setString(2, a.channel().name());
        ps.setString(3, a.accountId());
        ps.setString(4, a.handle());
        ps.setString(5, a.pollUrl());
        ps.setString(6, a.pollCredentials());
        if (a.pollInterval() == null) {
            ps.setNull(7, java.sql.Types.BIGINT);
        } else {
            ps.setLong(7, a.pollInterval().toMillis());
        }
        ps.setLong(8, a.updatedAt().toEpochMilli());
    }

    private static List<Account> read(PreparedStatement ps) throws SQLException {
        List<Account> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long interval = rs.getLong(7);
                Duration d = rs.wasNull() ? null : Duration.ofMillis(interval);
                result.add(new Account(rs.getString(1), Channel.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), d, Instant.ofEpochMilli(rs.getLong(8))));
            }
        }
        return result;
    }
}
