package es.faro.server.store;

import es.faro.protocol.json.Json;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Customer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Customers: one row per identity on a channel. */
public final class Customers {
    private Customers() {
    }

    public static Optional<Customer> byChannelUser(Connection c, Channel channel, String channelUserId)
            throws SQLException {
        PreparedStatement ps = Statements.get(c,
                "SELECT json FROM customers WHERE channel = ? AND channel_user_id = ?");
        ps.setString(1, channel.name());
        ps.setString(2, channelUserId);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(Rows.json(rs.getString(1), Customer.class)) : Optional.empty();
        }
    }

    public static Optional<Customer> find(Connection c, String id) throws SQLException {
        PreparedStatement ps = Statements.get(c, "SELECT json FROM customers WHERE id = ?");
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(Rows.json(rs.getString(1), Customer.class)) : Optional.empty();
        }
    }

    public static void upsert(Connection c, Customer customer) throws SQLException {
        PreparedStatement ps = Statements.get(c, "INSERT INTO customers (id, channel, channel_user_id, json)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json");
        ps.setString(1, customer.id());
        ps.setString(2, customer.channel().name());
        ps.setString(3, customer.channelUserId());
        ps.setString(4, Json.write(customer));
        ps.executeUpdate();
    }
}
