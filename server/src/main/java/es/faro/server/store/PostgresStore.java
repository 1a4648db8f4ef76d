package es.faro.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL, shared by any number of stateless server nodes.
 *
 * <p>Writes: as in {@link SqliteStore}, one writer thread per node does group commit (every queued
 * task in one transaction; a failing task rolls back alone, see {@code runBatch}). Each batch first takes a transaction-scoped
 * advisory lock, so batches of all nodes run one after another, exactly like SQLite's single writer:
 * the read-check-write tasks (optimistic versions, idempotency keys, dedupe by channel message id)
 * keep their meaning across nodes without retry loops. Event seqs come from a counter row bumped by a
 * trigger in the inserting transaction (see V1__init.sql), so seqs become visible strictly in order:
 * a reader polling {@code seq > cursor} never skips an event that commits late.
 *
 * <p>Fan-out: a batch that appended events sends one {@code NOTIFY faro_events, 'LAST_SEQ'} (delivered
 * at commit). Every node keeps one LISTEN connection and runs the commit listeners when notified, so
 * its SSE fan-out reads the new rows by cursor. The notification only wakes readers; the table is the
 * truth, and the fan-out also polls on its own, so a lost notification only delays.
 *
 * <p>Reads: a HikariCP pool, each call in one REPEATABLE READ read-only transaction (one snapshot).
 */
public final class PostgresStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresStore.class);
    /** NOTIFY channel of committed events (database-wide); payload = the batch's last seq. */
    public static final String CHANNEL = "faro_events";
    /** Advisory lock key that serializes write batches across nodes ("FaroWrt" in ASCII). */
    static final long WRITER_LOCK = 0x4661726f577274L;
    private static final int MAX_BATCH = 2_000;

    private final String url;
    private final HikariDataSource readers;
    private final BlockingQueue<PendingWrite<?>> queue = new LinkedBlockingQueue<>();
    private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();
    private final Thread writerThread;
    private final EventListener listener;
    private Connection writer;
    private volatile boolean closed;


    private PostgresStore(String url, HikariDataSource readers) throws SQLException {
        this.url = url;
        this.readers = readers;
        this.writer = openWriter(url);
        this.listener = new EventListener(url, CHANNEL, this::fireCommitListeners);
        writerThread = new Thread(this::writeLoop, "faro-store-writer");
        writerThread.setDaemon(true);
        writerThread.start();
    }

    /**
     * Migrates (Flyway takes its own lock, so nodes starting together migrate once) and opens the
     * database at {@code url} with {@code poolSize} read connections.
     */
    public static PostgresStore open(String url, int poolSize, String migrationLocation) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setMaximumPoolSize(poolSize);
        hc.setMinimumIdle(Math.min(2, poolSize));
        hc.setPoolName("faro-readers");
        hc.setAutoCommit(false);
        hc.setReadOnly(true);
        hc.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
        hc.setConnectionTimeout(30_000);
        HikariDataSource pool = new HikariDataSource(hc);
        try {
            Flyway.configure().dataSource(url, null, null).locations(migrationLocation).load().migrate();
            return new PostgresStore(url, pool);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new IllegalStateException("cannot open the store at " + Stores.redact(url) + ": " + e.getMessage(), e);
        }
    }

    private static Connection openWriter(String url) throws SQLException {
        Connection c = DriverManager.getConnection(url);
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
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
        try (Connection c = readers.getConnection()) {
            try {
                T result = task.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("read failed", e);
        }
    }

    /** Runs after each local commit and whenever another node announces events (and on LISTEN reconnects). */
    @Override
    public void addCommitListener(Runnable listener) {
        commitListeners.add(listener);
    }

    private void fireCommitListeners() {
        for (Runnable l : commitListeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.warn("commit listener failed", e);
            }
        }
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

    /** What a batch produced: one result or failure per task, and whether it appended events. */
    private record Outcome(List<Object> results, List<Throwable> failures, boolean appended) {
    }

    private void runBatch(List<PendingWrite<?>> batch) {
        Outcome outcome;
        try {
            ensureWriter();
            // Optimistic first: no savepoints, which cost two round trips per task. Should a task fail, its
            // partial writes are in the transaction: roll everything back and run the batch again with a
            // savepoint per task (tasks only touch the database, so running them again is safe).
            outcome = attempt(batch, false);
            if (outcome == null) {
                writer.rollback();
                outcome = attempt(batch, true);
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
            batch.get(i).complete(outcome.results().get(i), outcome.failures().get(i));
        }
        if (outcome.appended()) {
            fireCommitListeners(); // this node's fan-out need not wait for its own notification
        }
    }

    /**
     * Runs the batch in a fresh transaction, after the cross-node writer lock; without savepoints it
     * gives up (null) at the first failing task.
     */
    private Outcome attempt(List<PendingWrite<?>> batch, boolean savepoints) throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + WRITER_LOCK + ")");
        }
        long before = lastSeq(writer);
        List<Object> results = new ArrayList<>(batch.size());
        List<Throwable> failures = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (savepoints) {
                batch.get(i).runInSavepoint(writer, i, results, failures);
            } else {
                try {
                    results.add(batch.get(i).task().run(writer));
                    failures.add(null);
                } catch (Exception e) {
                    return null;
                }
            }
        }
        long after = lastSeq(writer);
        boolean appended = after != before;
        if (appended) {
            try (PreparedStatement ps = writer.prepareStatement("SELECT pg_notify(?, ?)")) {
                ps.setString(1, CHANNEL);
                ps.setString(2, Long.toString(after));
                ps.execute();
            }
        }
        return new Outcome(results, failures, appended);
    }

    /** Reconnects after the database went away (restart, failover); the batch then runs normally. */
    private void ensureWriter() throws SQLException {
        if (writer != null && writer.isValid(2)) {
            return;
        }
        LOG.warn("store writer connection lost; reconnecting");
        closeQuietly(writer);
        writer = openWriter(url);
    }

    private static long lastSeq(Connection c) throws SQLException {
        PreparedStatement ps = Statements.get(c, "SELECT last_seq FROM event_counter WHERE id = 1");
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }




    private static void closeQuietly(Connection c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException e) {
            LOG.warn("closing a connection failed", e);
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
        listener.close();
        closeQuietly(writer);
        readers.close();
        LOG.info("store closed: {}", Stores.redact(url));
    }
}
