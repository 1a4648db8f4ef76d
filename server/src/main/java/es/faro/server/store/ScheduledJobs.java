package es.faro.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Work due at an instant (e.g. an SLA warning), shared by all nodes. A node CLAIMS due jobs with a
 * lease ({@code claimed_by}, {@code claimed_until}), runs them, then marks them done. A job is handed
 * to one node at a time; if that node dies, its lease runs out and another node claims the job
 * again, so a job runs at least once (handlers must be idempotent, e.g. keyed by the job id).
 *
 * <p>On PostgreSQL the claim selects with {@code FOR UPDATE SKIP LOCKED}, so nodes claiming at the
 * same time take different rows instead of queueing behind each other; SQLite has one writer, so a
 * plain UPDATE of the due rows is already exclusive.
 */
public final class ScheduledJobs {
    private ScheduledJobs() {
    }

    /** A claimed job. */
    public record Job(String id, String kind, Instant dueAt, String payload) {
    }

    /** Schedules (or reschedules, clearing any claim and completion) job {@code id}. */
    public static void schedule(Connection c, String id, String kind, Instant dueAt, String payload)
            throws SQLException {
        PreparedStatement ps = Statements.get(c, "INSERT INTO scheduled_jobs (id, kind, due_at, payload)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind,"
                + " due_at = excluded.due_at, payload = excluded.payload, claimed_by = NULL,"
                + " claimed_until = NULL, done_at = NULL");
        ps.setString(1, id);
        ps.setString(2, kind);
        ps.setLong(3, dueAt.toEpochMilli());
        ps.setString(4, payload);
        ps.executeUpdate();
    }

    /** Whether job {@code id} was ever scheduled (done or not). */
    public static boolean exists(Connection c, String id) throws SQLException {
        PreparedStatement ps = Statements.get(c, "SELECT 1 FROM scheduled_jobs WHERE id = ?");
        ps.setString(1, id);
        try (java.sql.ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    public static void cancel(Connection c, String id) throws SQLException {
        PreparedStatement ps = Statements.get(c, "DELETE FROM scheduled_jobs WHERE id = ? AND done_at IS NULL");
        ps.setString(1, id);
        ps.executeUpdate();
    }

    /**
     * Claims up to {@code limit} jobs due at {@code now} that are neither done nor under a live claim,
     * for {@code node} until {@code leaseUntil}; oldest due first.
     */
    public static List<Job> claim(Connection c, String node, Instant now, Instant leaseUntil, int limit)
            throws SQLException {
        String lock = Dialect.of(c) == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
        PreparedStatement ps = Statements.get(c, "UPDATE scheduled_jobs SET claimed_by = ?, claimed_until = ?"
                + " WHERE id IN (SELECT id FROM scheduled_jobs WHERE done_at IS NULL AND due_at <= ?"
                + " AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY due_at, id LIMIT ?" + lock + ")"
                + " RETURNING id, kind, due_at, payload");
        ps.setString(1, node);
        ps.setLong(2, leaseUntil.toEpochMilli());
        ps.setLong(3, now.toEpochMilli());
        ps.setLong(4, now.toEpochMilli());
        ps.setInt(5, limit);
        List<Job> jobs = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                jobs.add(new Job(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                        rs.getString(4)));
            }
        }
        jobs.sort((a, b) -> a.dueAt().equals(b.dueAt()) ? a.id().compareTo(b.id()) : a.dueAt().compareTo(b.dueAt()));
        return jobs;
    }

    /** As {@link #claim(Connection, String, Instant, Instant, int)}, only jobs of {@code kind}. */
    public static List<Job> claim(Connection c, String node, String kind, Instant now, Instant leaseUntil, int limit)
            throws SQLException {
        String lock = Dialect.of(c) == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
        PreparedStatement ps = Statements.get(c, "UPDATE scheduled_jobs SET claimed_by = ?, claimed_until = ?"
                + " WHERE id IN (SELECT id FROM scheduled_jobs WHERE kind = ? AND done_at IS NULL AND due_at <= ?"
                + " AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY due_at, id LIMIT ?" + lock + ")"
                + " RETURNING id, kind, due_at, payload");
        ps.setString(1, node);
        ps.setLong(2, leaseUntil.toEpochMilli());
        ps.setString(3, kind);
        ps.setLong(4, now.toEpochMilli());
        ps.setLong(5, now.toEpochMilli());
        ps.setInt(6, limit);
        List<Job> jobs = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                jobs.add(new Job(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                        rs.getString(4)));
            }
        }
        jobs.sort((a, b) -> a.dueAt().equals(b.dueAt()) ? a.id().compareTo(b.id()) : a.dueAt().compareTo(b.dueAt()));
        return jobs;
    }

    /** Marks a job done, only if {@code node} still holds its claim; false when the claim was lost. */
    public static boolean complete(Connection c, String id, String node, Instant at) throws SQLException {
        PreparedStatement ps = Statements.get(c, "UPDATE scheduled_jobs SET done_at = ?, claimed_until = NULL"
                + " WHERE id = ? AND claimed_by = ? AND done_at IS NULL");
        ps.setLong(1, at.toEpochMilli());
        ps.setString(2, id);
        ps.setString(3, node);
        return ps.executeUpdate() == 1;
    }

    /** Forgets jobs done before {@code before}. */
    public static int purgeDone(Connection c, Instant before) throws SQLException {
        PreparedStatement ps = Statements.get(c, "DELETE FROM scheduled_jobs WHERE done_at IS NOT NULL AND done_at < ?");
        ps.setLong(1, before.toEpochMilli());
        return ps.executeUpdate();
    }
}
