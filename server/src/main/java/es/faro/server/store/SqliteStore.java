package es.faro.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite in WAL mode with {@code synchronous=FULL}: a commit is on disk before it is acknowledged.
 * One writer thread does GROUP COMMIT: it drains every queued task, runs them in one transaction,
 * each inside its own SAVEPOINT (a failing task rolls back alone), commits once, and only then
 * completes the callers' futures. One fsync then covers a whole batch, which is what makes
 * thousands of acknowledged inserts a second possible on a small machine.
 */
public final class SqliteStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);
    private static final int READERS = 4;
    private static final int MAX_BATCH = 2_000;

    private final String url;
    private final Connection writer;
    private final BlockingQueue<PendingWrite<?>> queue = new LinkedBlockingQueue<>();
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new CopyOnWriteArrayList<>();
    private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();
    private final Thread writerThread;
    private volatile boolean closed;
    private final SqliteFileLock fileLock;


    private SqliteStore(String url, SqliteFileLock fileLock) throws SQLException {
        this.url = url;
        this.fileLock = fileLock;
        this.writer = open(url);
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
        }
        writer.setAutoCommit(false);
        for (int i = 0; i < READERS; i++) {
            Connection c = open(url);
            try (Statement s = c.createStatement()) {
                // One writer by design: a write through a reader would break the writer's snapshot (SQLITE_BUSY_SNAPSHOT).
                s.execute("PRAGMA query_only=ON");
            }
            c.setAutoCommit(false);
            allReaders.add(c);
            readers.add(c);
        }
        writerThread = new Thread(this::writeLoop, "faro-store-writer");
        writerThread.setDaemon(true);
        writerThread.start();
    }

    /** Opens (creating the folder if needed) and migrates the database at {@code url}. */
    public static SqliteStore open(String url, String migrationLocation) {
        Path file = filePath(url);
        try {
            if (file != null && file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder for " + file, e);
        }
        SqliteFileLock lock = file == null ? null : SqliteFileLock.acquire(file.toAbsolutePath());
        try {
            Flyway.configure()
                    .dataSource(url, null, null)
                    .locations(migrationLocation)
                    .load()
                    .migrate();
            return new SqliteStore(url, lock);
        } catch (SQLException e) {
            closeQuietly(lock);
            throw new IllegalStateException("cannot open the store at " + url, e);
        } catch (RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
    }

    private static Path filePath(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        int q = rest.indexOf('?');
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        return rest.isEmpty() || rest.startsWith(":memory:") ? null : Path.of(rest);
    }

    private static Connection open(String url) throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA foreign_keys=ON");
        }
        return c;
    }

    @Override
    public <T> CompletableFuture<T> write(WriteTask<T> task) {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(new IllegalStateException("store closed"));
            return future;
        }
        queue.add(new PendingWrite<>(task, future));
        return future;
    }

    @Override
    public <T> T read(ReadTask<T> task) {
        Connection c;
        try {
            c = readers.poll(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a read connection", e);
        }
        if (c == null) {
            throw new IllegalStateException("no read connection available");
        }
        try {
            T result = task.run(c);
            c.commit();
            return result;
        } catch (SQLException e) {
            PendingWrite.rollbackQuietly(c);
            throw new StoreException("read failed", e);
        } catch (RuntimeException e) {
            PendingWrite.rollbackQuietly(c);
            throw e;
        } finally {
            readers.add(c);
        }
    }

    @Override
    public void addCommitListener(Runnable listener) {
        commitListeners.add(listener);
    }

    private void writeLoop() {
        List<PendingWrite<?>> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                PendingWrite<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                runBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                LOG.error("store writer failed a batch", e);
                batch.forEach(p -> p.fail(e));
            } finally {
                batch.clear();
            }
        }
        queue.forEach(p -> p.fail(new IllegalStateException("store closed")));
    }

    private void runBatch(List<PendingWrite<?>> batch) {
        List<Object> results = new ArrayList<>(batch.size());
        List<Throwable> failures = new ArrayList<>(batch.size());
        try {
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).runInSavepoint(writer, i, results, failures);
            }
            writer.commit();
        } catch (SQLException e) {
            PendingWrite.rollbackQuietly(writer);
            StoreException failure = new StoreException("commit failed", e);
            LOG.error("store commit failed; {} writes rejected", batch.size(), e);
            batch.forEach(p -> p.fail(failure));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).complete(results.get(i), failures.get(i));
        }
        for (Runnable listener : commitListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("commit listener failed", e);
            }
        }
    }




    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writerThread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(writer);
        allReaders.forEach(SqliteStore::closeQuietly);
        closeQuietly(fileLock);
        LOG.info("store closed: {}", url);
    }

    private static void closeQuietly(SqliteFileLock lock) {
        if (lock != null) {
            try {
                lock.close();
            } catch (RuntimeException e) {
                LOG.warn("releasing the database lock failed", e);
            }
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("closing a connection failed", e);
        }
    }
}
