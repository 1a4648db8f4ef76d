package es.faro.server.store;

import java.sql.Connection;
import java.sql.SQLException;

/** The SQL dialect behind a connection, for the few statements that differ. */
enum Dialect {
    SQLITE, POSTGRESQL;

    static Dialect of(Connection c) throws SQLException {
        return c.getMetaData().getURL().startsWith("jdbc:postgresql:") ? POSTGRESQL : SQLITE;
    }
}
