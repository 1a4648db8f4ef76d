package es.faro.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import es.faro.server.support.NodeProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One server per SQLite file: a second one, in this process or another, stops with a clear message. */
class SqliteFileLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondStoreOnTheSameFileIsRefusedUntilTheFirstCloses() {
        String url = "jdbc:sqlite:" + dir.resolve("faro.db");
        Store first = Stores.open(url, 4);
        assertThatThrownBy(() -> Stores.open(url, 4)).isInstanceOf(SqliteFileLock.StoreInUseException.class)
                .hasMessageContaining("already in use by another Faro server");
        assertThat(first.read(EventLog::maxSeq)).as("the first store is unharmed").isNotNegative();
        first.close();
        Store again = Stores.open(url, 4);
        again.close();
    }

    @Test
    void aSecondServerProcessOnTheSameFileExitsSayingWhy() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("shared.db");
        try (NodeProcess first = NodeProcess.launch("lock-a", url, Map.of()).awaitHealthy(Duration.ofMinutes(2))) {
            NodeProcess second = NodeProcess.launch("lock-b", url, Map.of());
            try {
                assertThatThrownBy(() -> second.awaitHealthy(Duration.ofMinutes(2)))
                        .hasMessageContaining("already in use by another Faro server");
            } finally {
                second.close();
            }
            assertThat(first.base()).isNotNull();
        }
    }
}
