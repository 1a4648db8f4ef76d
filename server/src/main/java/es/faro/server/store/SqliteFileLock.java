package es.faro.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One server per SQLite file: the store's single-writer design (and its gap-free event log) holds
 * only if no other process writes the same file, so a second server on it stops at once with a clear
 * message instead of failing writes later with SQLITE_BUSY_SNAPSHOT. Several nodes need PostgreSQL.
 * The operating system drops the lock when the process ends, even by kill -9.
 */
final class SqliteFileLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private SqliteFileLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static SqliteFileLock acquire(Path database) {
        Path file = database.resolveSibling(database.getFileName() + ".lock");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = null;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                // another store of this same process has it
            }
            if (lock == null) {
                channel.close();
                throw new StoreInUseException("the database " + database + " is already in use by another Faro server;"
                        + " one SQLite file serves one server (use PostgreSQL for several nodes)");
            }
            return new SqliteFileLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another server already owns the SQLite file. */
    public static final class StoreInUseException extends IllegalStateException {
        StoreInUseException(String message) {
            super(message);
        }
    }
}
