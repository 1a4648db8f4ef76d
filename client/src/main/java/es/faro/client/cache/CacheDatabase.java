package es.faro.client.cache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache's SQLite file: WAL mode, one writer connection on its own thread (writes are batched
 * into one transaction per drain of the queue, each task in a savepoint), and a read-only
 * connection per reading thread. Listeners hear one {@link CacheChange} per committed batch.
 */
final class CacheDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CacheDatabase.class);
    private static final int MAX_BATCH = 1_000;

    /** A unit of work on the writer connection; records what it touched in the collector. */
    @FunctionalInterface
    interface WriteTask<T> {
        T run(Connection connection, ChangeCollector changes) throws SQLException;
    }

    private record Pending<T>(WriteTask<T> task, CompletableFuture<T> result) {
    }

    private final String url;
    private final Connection writer;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writerThread;
    private final List<CacheListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<Connection> readers = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Connection> reader = new ThreadLocal<>();
    private volatile boolean closed;

    CacheDatabase(Path file) throws SQLException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create the cache folder for " + file, e);
        }
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        this.writer = DriverManager.getConnection(url);
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            // FULL: an outbox entry is on disk before the UI says "sent" (DESIGN: reliability promises).
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=5000");
            s.execute("PRAGMA foreign_keys=ON");
        }
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/cache")
                .load()
                .migrate();
        writer.setAutoCommit(false);
        writerThread = new Thread(this::writeLoop, "faro-cache-writer");
        writerThread.setDaemon(true);
        writerThread.start();
    }

    <T> CompletableFuture<T> submit(WriteTask<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new IllegalStateException("cache is closed"));
            return result;
        }
        queue.add(new Pending<>(task, result));
        return result;
    }

    <T> T write(WriteTask<T> task) {
        return submit(task).join();
    }

    /** The calling thread's read-only connection (opened on first use). */
    Connection reader() {
        Connection c = reader.get();
        try {
            if (c == null || c.isClosed()) {
                c = DriverManager.getConnection(url);
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA busy_timeout=5000");
                    s.execute("PRAGMA query_only=ON");
                }
                reader.set(c);
                readers.add(c);
            }
        } catch (SQLException e) {
            throw new CacheException("cannot open a cache reader", e);
        }
        return c;
    }

    void addListener(CacheListener listener) {
        listeners.add(listener);
    }

    void removeListener(CacheListener listener) {
        listeners.remove(listener);
    }

    private void writeLoop() {
        List<Pending<?>> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                runBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void runBatch(List<Pending<?>> batch) {
        ChangeCollector changes = new ChangeCollector();
        List<Runnable> completions = new ArrayList<>(batch.size());
        try {
            for (Pending<?> p : batch) {
                completions.add(runInSavepoint(p, changes));
            }
            writer.commit();
        } catch (SQLException e) {
            log.error("cache commit failed; {} writes rolled back", batch.size(), e);
            rollbackQuietly();
            for (Pending<?> p : batch) {
                p.result().completeExceptionally(new CacheException("cache write failed", e));
            }
            return;
        }
        // Listeners first: when a write's future completes, everyone has already been told.
        CacheChange change = changes.toChange();
        if (!change.isEmpty()) {
            for (CacheListener l : listeners) {
                try {
                    l.changed(change);
                } catch (RuntimeException e) {
                    log.warn("cache listener failed", e);
                }
            }
        }
        completions.forEach(Runnable::run);
    }

    /** Runs one task in a savepoint; returns what completes its future once the batch is committed. */
    private <T> Runnable runInSavepoint(Pending<T> p, ChangeCollector changes) throws SQLException {
        ChangeCollector own = new ChangeCollector();
        try (Statement s = writer.createStatement()) {
            s.execute("SAVEPOINT task");
            try {
                T value = p.task().run(writer, own);
                s.execute("RELEASE SAVEPOINT task");
                changes.addAll(own);
                return () -> p.result().complete(value);
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK TO SAVEPOINT task");
                s.execute("RELEASE SAVEPOINT task");
                return () -> p.result().completeExceptionally(e);
            }
        }
    }

    private void rollbackQuietly() {
        try {
            writer.rollback();
        } catch (SQLException e) {
            log.warn("cache rollback failed", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            writerThread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Connection c : readers) {
            closeQuietly(c);
        }
        closeQuietly(writer);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            log.debug("closing a cache connection failed", e);
        }
    }
}
