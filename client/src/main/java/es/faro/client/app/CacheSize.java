package es.faro.client.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The size of an SQLite cache on disk: the file plus its write-ahead log and shared-memory index. */
final class CacheSize {
    private CacheSize() {
    }

    static long of(Path db) {
        long total = 0;
        boolean any = false;
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path p = db.resolveSibling(db.getFileName() + suffix);
            try {
                if (Files.isRegularFile(p)) {
                    total += Files.size(p);
                    any = true;
                }
            } catch (IOException e) {
                return -1;
            }
        }
        return any ? total : -1;
    }
}
