package es.faro.server.support;

import es.faro.server.store.Store;
import es.faro.server.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The two store dialects every store test runs against. */
public enum StoreBackend {
    SQLITE, POSTGRESQL;

    /** A fresh, empty database of this kind; close it to drop it. */
    public TestDb create() {
        if (this == POSTGRESQL) {
            PgTestDatabase pg = PgTestDatabase.create();
            return new TestDb(pg.url(), pg::close);
        }
        try {
            String url = "jdbc:sqlite:" + Files.createTempDirectory("faro-store-test").resolve("t.db");
            return new TestDb(url, () -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A database URL and how to drop it. */
    public record TestDb(String url, Runnable drop) implements AutoCloseable {
        public Store open() {
            return Stores.open(url, 4);
        }

        /**
         * A second node beside {@code first}: its own store on PostgreSQL; on SQLite, where one file has one
         * server (the store locks it), the same store again, so the SQL under test still runs for both
         * "nodes" (whose identities the tests pass as arguments). Closing it leaves {@code first} open.
         */
        public Store openNode(Store first) {
            if (url.startsWith("jdbc:sqlite:")) {
                return new Store() {
                    @Override
                    public <T> java.util.concurrent.CompletableFuture<T> write(WriteTask<T> task) {
                        return first.write(task);
                    }

                    @Override
                    public <T> T read(ReadTask<T> task) {
                        return first.read(task);
                    }

                    @Override
                    public void addCommitListener(Runnable listener) {
                        first.addCommitListener(listener);
                    }

                    @Override
                    public void close() {
                        // the first node owns the store
                    }
                };
            }
            return open();
        }

        @Override
        public void close() {
            drop.run();
        }
    }
}
