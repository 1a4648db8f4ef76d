package es.faro.server.store;

import es.faro.protocol.json.Json;
import java.io.IOException;
import java.sql.SQLException;

/** JSON columns to records. */
final class Rows {
    private Rows() {
    }

    static <T> T json(String text, Class<T> type) throws SQLException {
        try {
            return Json.MAPPER.readValue(text, type);
        } catch (IOException e) {
            throw new SQLException("corrupt " + type.getSimpleName() + " row", e);
        }
    }
}
