package es.faro.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write waiting for a store's writer thread, and the steps every group-commit writer shares: run a
 * task in its own savepoint (a failing task does not undo the others of its batch), complete the
 * caller's future once the batch has committed, and roll back quietly on failure.
 */
record PendingWrite<T>(Store.WriteTask<T> task, CompletableFuture<T> future) {
    private static final Logger LOG = LoggerFactory.getLogger(PendingWrite.class);

    /** Runs the task in savepoint {@code t<index>}, recording its result or failure at that index. */
    void runInSavepoint(Connection writer, int index, List<Object> results, List<Throwable> failures)
            throws SQLException {
        String name = "t" + index;
        try (Statement s = writer.createStatement()) {
            s.execute("SAVEPOINT " + name);
        }
        try {
            Object result = task.run(writer);
            try (Statement s = writer.createStatement()) {
                s.execute("RELEASE SAVEPOINT " + name);
            }
            results.add(result);
            failures.add(null);
        } catch (Exception e) {
            try (Statement s = writer.createStatement()) {
                s.execute("ROLLBACK TO SAVEPOINT " + name);
                s.execute("RELEASE SAVEPOINT " + name);
            }
            results.add(null);
            failures.add(e);
        }
    }

    /** Tells the caller, after the commit: the task's result, or why it failed. */
    @SuppressWarnings("unchecked")
    void complete(Object result, Throwable failure) {
        if (failure != null) {
            future.completeExceptionally(failure);
        } else {
            future.complete((T) result);
        }
    }

    void fail(Throwable t) {
        future.completeExceptionally(t);
    }

    static void rollbackQuietly(Connection c) {
        try {
            if (c != null && !c.isClosed()) {
                c.rollback();
            }
        } catch (SQLException e) {
            LOG.warn("rollback failed", e);
        }
    }
}
