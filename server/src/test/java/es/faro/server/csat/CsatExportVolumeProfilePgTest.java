package es.faro.server.csat;

import es.faro.server.support.PgTestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The same fixture and figures on PostgreSQL (a fresh schema per test). */
class CsatExportVolumeProfilePgTest extends CsatExportVolumeProfileTest {
    PgTestDatabase pg;

    @Override
    Map<String, String> store() {
        pg = PgTestDatabase.create();
        return Map.of("store.url", pg.url());
    }

    @Override
    @AfterEach
    void stop() {
        try {
            super.stop();
        } finally {
            pg.close();
        }
    }
}
