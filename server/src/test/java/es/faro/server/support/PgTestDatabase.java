package es.faro.server.support;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema in the test PostgreSQL ({@code FARO_TEST_PG_URL}, default the local server), dropped
 * on close, so test classes and parallel runs never see each other's rows. Without a reachable
 * PostgreSQL the test is skipped on a developer machine and FAILS in CI ({@code CI=true}).
 */
public final class PgTestDatabase implements AutoCloseable {
    public static final String ENV = "FARO_TEST_PG_URL";
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final String baseUrl;
    private final String schema;

    private PgTestDatabase(String baseUrl, String schema) {
        this.baseUrl = baseUrl;
        this.schema = schema;
    }

    public static String baseUrl() {
        String v = System.getenv(ENV);
        return v == null || v.isBlank() ? DEFAULT_URL : v;
    }

    public static PgTestDatabase create() {
        String base = baseUrl();
        String schema = "faro_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String why = "PostgreSQL not reachable at " + base + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + "; CI must run the PostgreSQL tests (.ci/run starts the server)");
            }
            Assumptions.abort(why + "; set " + ENV + " or start PostgreSQL to run this test");
        }
        return new PgTestDatabase(base, schema);
    }

    /** The JDBC URL with this schema as the current one. */
    public String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public String schema() {
        return schema;
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
        }
    }
}
