package es.faro.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;

/**
 * The durable store behind the API. Writes are serialized through one writer and acknowledged only
 * after their transaction committed; reads run on separate connections inside a read transaction
 * (one consistent snapshot per call). {@link SqliteStore} for one node, {@link PostgresStore} for many
 * (see {@link Stores#open}).
 */
public interface Store extends AutoCloseable {

    /** Queues a write; the future completes after the commit, or exceptionally with what the task threw. */
    <T> CompletableFuture<T> write(WriteTask<T> task);

    /** Runs {@code task} in a read transaction and returns its result. */
    <T> T read(ReadTask<T> task);

    /**
     * Called after each commit that may have appended events: on the writer thread for this node's
     * commits and, with a shared database, on the listener thread when another node announces events.
     * A wake-up only; the listener reads the events table by cursor.
     */
    void addCommitListener(Runnable listener);

    @Override
    void close();

    /** A unit of work inside the writer's transaction. */
    @FunctionalInterface
    interface WriteTask<T> {
        T run(Connection connection) throws Exception;
    }

    @FunctionalInterface
    interface ReadTask<T> {
        T run(Connection connection) throws SQLException;
    }

}
