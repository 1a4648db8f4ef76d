package es.faro.client.cache;

import com.fasterxml.jackson.databind.node.ObjectNode;
import es.faro.protocol.api.Bootstrap;
import es.faro.protocol.event.Event;
import es.faro.protocol.event.EventType;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.CannedResponse;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.ReferenceData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's local cache: one SQLite file per user and server. Holds the server's confirmed
 * state, the agent's optimistic changes on top of it, the outbox and the sync cursor.
 */
public final class SqliteCache implements CacheReader, AutoCloseable {
    private final java.util.List<java.util.function.Consumer<Message>> deliveryFailures =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final Logger log = LoggerFactory.getLogger(SqliteCache.class);
    private static final String CURSOR = "cursor";
    private static final String BOOTSTRAPPED = "bootstrapped";

    private final CacheDatabase db;

    private SqliteCache(CacheDatabase db) {
        this.db = db;
    }

    public static SqliteCache open(Path file) {
        try {
            return new SqliteCache(new CacheDatabase(file));
        } catch (SQLException e) {
            throw new CacheException("cannot open the local cache " + file, e);
        }
    }

    // ---- sync side -------------------------------------------------------------------------

    /** Applies one bootstrap page; the cursor is set, and the cache counts as bootstrapped, with the last page. */
    public void applyBootstrap(Bootstrap page) {
        db.write((c, changes) -> {
            if (page.reference() != null) {
                writeReference(c, page.reference(), changes);
            }
            for (Conversation conversation : page.conversations()) {
                ConversationRows.upsertServer(c, conversation, changes);
            }
            for (Message m : page.messages()) {
                ConversationRows.upsertMessage(c, m, changes);
            }
            if (page.next() == null) {
                putState(c, CURSOR, Long.toString(Math.max(page.cursor(), readCursor(c))));
                putState(c, BOOTSTRAPPED, "true");
            }
            return null;
        });
    }

    /**
     * Forgets what the server sent before (kept: the outbox and the agent's unsent messages), for a
     * full re-bootstrap when the server says the cursor is too old.
     */
    public void resetForBootstrap() {
        db.write((c, changes) -> {
            execute(c, "DELETE FROM messages WHERE client_id IS NULL OR client_id NOT IN (SELECT id FROM outbox)");
            execute(c, "DELETE FROM conversations");
            execute(c, "DELETE FROM sync_state");
            changes.reference();
            return null;
        });
    }

    /** Applies events in order in one transaction; events at or below the cursor are skipped (already applied). */
    public void applyEvents(List<Event> events) {
        applyEventsAsync(events).join();
    }

    public CompletableFuture<Void> applyEventsAsync(List<Event> events) {
        List<Event> copy = List.copyOf(events);
        return db.submit((c, changes) -> {
            long cursor = readCursor(c);
            for (Event e : copy) {
                if (e.seq() <= cursor) {
                    continue;
                }
                applyEvent(c, e, changes);
                cursor = e.seq();
            }
            putState(c, CURSOR, Long.toString(cursor));
            return null;
        });
    }

    /** Moves the cursor forward without events (a changes page whose events the agent may not see). */
    public void advanceCursor(long seq) {
        db.write((c, changes) -> {
            if (seq > readCursor(c)) {
                putState(c, CURSOR, Long.toString(seq));
            }
            return null;
        });
    }

    public long cursor() {
        try {
            return readCursor(db.reader());
        } catch (SQLException e) {
            throw new CacheException("cannot read the sync cursor", e);
        }
    }

    public boolean bootstrapped() {
        return readState(BOOTSTRAPPED).map(Boolean::parseBoolean).orElse(false);
    }

    private void applyEvent(Connection c, Event e, ChangeCollector changes) throws SQLException {
        switch (e.type()) {
            case EventType.CONVERSATION ->
                    ConversationRows.upsertServer(c, Json.convert(e.data(), Conversation.class), changes);
            case EventType.MESSAGE -> {
                Message m = Json.convert(e.data(), Message.class);
                ConversationRows.upsertMessage(c, m, changes);
                if (m.delivery() == es.faro.protocol.model.DeliveryState.FAILED) {
                    deliveryFailures.forEach(l -> l.accept(m)); // issue 7: a failed delivery never goes unnoticed
                }
            }
            case EventType.REFERENCE -> writeReference(c, Json.convert(e.data(), ReferenceData.class), changes);
            case EventType.AGENT -> updateReference(c, changes, ref -> withAgent(ref, Json.convert(e.data(), Agent.class)));
            case EventType.CANNED_RESPONSE ->
                    CannedRows.upsert(c, Json.convert(e.data(), CannedResponse.class), changes);
            case EventType.CANNED_RESPONSE_DELETED -> CannedRows.delete(c, e.data().path("id").asText(), changes);
            case EventType.WORKQUEUE -> updateReference(c, changes, ref -> WorkqueueEvents.upserted(ref, e.data()));
            case EventType.WORKQUEUE_DELETED -> updateReference(c, changes, ref -> WorkqueueEvents.deleted(ref, e.data()));
            default -> log.debug("ignoring event type {} at seq {}", e.type(), e.seq());
        }
    }

    // ---- outbox ------------------------------------------------------------------------------

    /**
     * Writes an outbox entry and its optimistic effects (the local copy of a reply or note, the
     * conversation's local view) in one transaction; completes once committed.
     */
    public CompletableFuture<Void> enqueue(String id, String conversationId, OutboxKind kind, ObjectNode payload,
                                           Message optimisticMessage) {
        Instant now = Instant.now();
        return db.submit((c, changes) -> {
            Conversation server = ConversationRows.serverState(c, conversationId)
                    .orElseThrow(() -> new IllegalArgumentException("unknown conversation " + conversationId));
            OutboxRows.insert(c, id, conversationId, kind, payload, server.version(), now);
            if (optimisticMessage != null) {
                Message m = optimisticMessage;
                ConversationRows.upsertMessage(c, new Message(m.id(), m.conversationId(), m.kind(), m.authorId(),
                        m.authorName(), m.body(), m.isPublic(), server.channel(), m.channelMessageId(),
                        m.inReplyTo(), m.createdAt(), m.delivery(), m.clientId()), changes);
            }
            ConversationRows.refreshLocal(c, conversationId, changes);
            return null;
        });
    }

    public Optional<OutboxEntry> firstPendingOutboxEntry() {
        try {
            return OutboxRows.firstPending(db.reader());
        } catch (SQLException e) {
            throw new CacheException("cannot read the outbox", e);
        }
    }

    public List<OutboxEntry> outbox() {
        try {
            return OutboxRows.all(db.reader());
        } catch (SQLException e) {
            throw new CacheException("cannot read the outbox", e);
        }
    }

    public int pendingOutboxCount() {
        try {
            return OutboxRows.countPending(db.reader());
        } catch (SQLException e) {
            throw new CacheException("cannot read the outbox", e);
        }
    }

    /** The server accepted the entry: drop it and take the server's answer as the confirmed state. */
    public void outboxDelivered(OutboxEntry entry, Conversation serverState, Message serverMessage) {
        db.write((c, changes) -> {
            OutboxRows.delete(c, entry.id());
            if (serverState != null) {
                OutboxRows.rebaseFollowers(c, entry, serverState.version());
                ConversationRows.upsertServer(c, serverState, changes);
            }
            // The reply's delivery may already have moved on (SENT/FAILED events can beat this answer): keep the newer state.
            if (serverMessage != null && !ConversationRows.deliveryAhead(c, serverMessage)) {
                ConversationRows.upsertMessage(c, serverMessage, changes);
            }
            ConversationRows.refreshLocal(c, entry.conversationId(), changes);
            changes.thread(entry.conversationId());
            return null;
        });
    }

    /** The server refused the entry: keep it as rejected (the agent decides) and converge to the server's state. */
    public void outboxRejected(OutboxEntry entry, String reason, Conversation currentServerState) {
        db.write((c, changes) -> {
            OutboxRows.reject(c, entry.id(), reason);
            if (currentServerState != null) {
                ConversationRows.upsertServer(c, currentServerState, changes);
            }
            ConversationRows.refreshLocal(c, entry.conversationId(), changes);
            changes.thread(entry.conversationId());
            return null;
        });
    }

    // ---- rejected changes: the agent decides (reliability) ------------------------------------

    /** The entries the server refused, oldest first, waiting for the agent to redo or discard them. */
    public List<OutboxEntry> rejectedOutbox() {
        return outbox().stream().filter(e -> e.state() == OutboxEntry.State.REJECTED).toList();
    }

    /**
     * Drops a refused entry and its optimistic local message; the conversation shows the server's
     * state again. Completes once committed.
     */
    public CompletableFuture<Void> discardRejected(String id) {
        return db.submit((c, changes) -> {
            Optional<OutboxEntry> entry = OutboxRows.byId(c, id);
            if (entry.isEmpty() || entry.get().state() != OutboxEntry.State.REJECTED) {
                return null;
            }
            OutboxRows.delete(c, id);
            execute(c, "DELETE FROM messages WHERE client_id = ?", id);
            ConversationRows.refreshLocal(c, entry.get().conversationId(), changes);
            changes.thread(entry.get().conversationId());
            return null;
        });
    }

    /**
     * Applies a refused change again on the conversation's current server state: the entry goes back
     * at the end of the outbox under a new idempotency key (the old key's answer is the refusal) and
     * with the current version as its base. Completes once committed.
     */
    public CompletableFuture<Void> redoRejected(String id) {
        Instant now = Instant.now();
        return db.submit((c, changes) -> {
            Optional<OutboxEntry> found = OutboxRows.byId(c, id);
            if (found.isEmpty() || found.get().state() != OutboxEntry.State.REJECTED) {
                return null;
            }
            OutboxEntry e = found.get();
            Conversation server = ConversationRows.serverState(c, e.conversationId())
                    .orElseThrow(() -> new IllegalArgumentException("unknown conversation " + e.conversationId()));
            String newId = java.util.UUID.randomUUID().toString();
            Message local = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT json FROM messages WHERE client_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        local = Json.read(rs.getString(1), Message.class);
                    }
                }
            }
            OutboxRows.delete(c, id);
            execute(c, "DELETE FROM messages WHERE client_id = ?", id);
            OutboxRows.insert(c, newId, e.conversationId(), e.kind(), e.payload(), server.version(), now);
            if (local != null) {
                ConversationRows.upsertMessage(c, new Message("local-" + newId, local.conversationId(), local.kind(),
                        local.authorId(), local.authorName(), local.body(), local.isPublic(), local.channel(),
                        null, local.inReplyTo(), now, local.delivery(), newId), changes);
            }
            ConversationRows.refreshLocal(c, e.conversationId(), changes);
            changes.thread(e.conversationId());
            return null;
        });
    }

    public void outboxAttemptFailed(OutboxEntry entry, String error) {
        db.write((c, changes) -> {
            OutboxRows.recordAttempt(c, entry.id(), error);
            return null;
        });
    }

    // ---- CacheReader -----------------------------------------------------------------------

    @Override
    public ReferenceData reference() {
        try (PreparedStatement ps = db.reader().prepareStatement("SELECT json FROM reference WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            ReferenceData blob = rs.next() ? Json.read(rs.getString(1), ReferenceData.class)
                    : new ReferenceData(null, null, null, null, null, null, null, null);
            return new ReferenceData(blob.brands(), blob.channels(), blob.queues(), blob.agents(), blob.labels(),
                    cannedResponses(), blob.slaPolicies(), blob.calendars());
        } catch (SQLException e) {
            throw new CacheException("cannot read reference data", e);
        }
    }

    @Override
    public List<Conversation> activeConversations() {
        return queryConversations(
                "SELECT coalesce(local_json, json) FROM conversations WHERE status IN ('NEW', 'OPEN', 'PENDING')");
    }

    @Override
    public List<Conversation> allConversations() {
        return queryConversations("SELECT coalesce(local_json, json) FROM conversations");
    }

    @Override
    public List<Conversation> conversations(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Conversation> result = new ArrayList<>(ids.size());
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            result.addAll(queryConversations(
                    "SELECT coalesce(local_json, json) FROM conversations WHERE id IN (" + marks + ")",
                    chunk.toArray(String[]::new)));
        }
        return result;
    }

    @Override
    public Optional<Conversation> conversation(String id) {
        return queryConversations("SELECT coalesce(local_json, json) FROM conversations WHERE id = ?", id)
                .stream().findFirst();
    }

    @Override
    public List<ThreadMessage> thread(String conversationId) {
        try (PreparedStatement ps = db.reader().prepareStatement("""
                SELECT m.json, o.state, o.error FROM messages m LEFT JOIN outbox o ON o.id = m.client_id
                WHERE m.conversation_id = ? ORDER BY m.created_at, m.rowid""")) {
            ps.setString(1, conversationId);
            try (ResultSet rs = ps.executeQuery()) {
                List<ThreadMessage> result = new ArrayList<>();
                while (rs.next()) {
                    String state = rs.getString(2);
                    result.add(new ThreadMessage(Json.read(rs.getString(1), Message.class),
                            "PENDING".equals(state), "REJECTED".equals(state) ? rs.getString(3) : null));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new CacheException("cannot read the thread of " + conversationId, e);
        }
    }

    // ---- drafts ------------------------------------------------------------------------------

    /** Keeps what the agent typed for a conversation; a blank text removes the draft. Not a cache change: nothing to re-read. */
    public CompletableFuture<Void> saveDraft(String conversationId, String body) {
        long now = System.currentTimeMillis();
        return db.submit((c, changes) -> {
            if (body == null || body.isBlank()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM drafts WHERE conversation_id = ?")) {
                    ps.setString(1, conversationId);
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO drafts (conversation_id, body, updated_at) VALUES (?, ?, ?)
                        ON CONFLICT (conversation_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at""")) {
                    ps.setString(1, conversationId);
                    ps.setString(2, body);
                    ps.setLong(3, now);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Every saved draft by conversation id. */
    public java.util.Map<String, String> drafts() {
        try (PreparedStatement ps = db.reader().prepareStatement("SELECT conversation_id, body FROM drafts");
             ResultSet rs = ps.executeQuery()) {
            java.util.Map<String, String> result = new java.util.HashMap<>();
            while (rs.next()) {
                result.put(rs.getString(1), rs.getString(2));
            }
            return result;
        } catch (SQLException e) {
            throw new CacheException("cannot read the drafts", e);
        }
    }

    /**
     * Told of every reply whose delivery to its network FAILED, as its event is applied (on the
     * writer thread: hand off, never block). Catch-up after a gap replays the ones missed.
     */
    public void addDeliveryFailureListener(java.util.function.Consumer<Message> listener) {
        deliveryFailures.add(listener);
    }

    @Override
    public List<SearchHit> search(String typed, int limit) {
        Optional<SearchQuery> query = SearchQuery.parse(typed);
        if (query.isEmpty() || limit <= 0) {
            return List.of();
        }
        try {
            return CacheSearch.run(db.reader(), query.get(), limit);
        } catch (SQLException e) {
            throw new CacheException("cannot search the local cache", e);
        }
    }

    /**
     * Keeps a conversation the agent opened from the server's search (not synced here before) with its
     * thread, so it reads like any other; an older copy never replaces a newer one. Completes once committed.
     */
    public CompletableFuture<Void> storeFetched(Conversation conversation, List<Message> messages) {
        List<Message> copy = List.copyOf(messages);
        return db.submit((c, changes) -> {
            ConversationRows.upsertServer(c, conversation, changes);
            for (Message m : copy) {
                if (!ConversationRows.deliveryAhead(c, m)) { // an event may have moved its delivery on meanwhile
                    ConversationRows.upsertMessage(c, m, changes);
                }
            }
            changes.thread(conversation.id());
            return null;
        });
    }

    @Override
    public void addListener(CacheListener listener) {
        db.addListener(listener);
    }

    @Override
    public void removeListener(CacheListener listener) {
        db.removeListener(listener);
    }

    @Override
    public void close() {
        db.close();
    }

    // ---- helpers -----------------------------------------------------------------------------

    private List<Conversation> queryConversations(String sql, String... args) {
        try (PreparedStatement ps = db.reader().prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Conversation> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(Json.read(rs.getString(1), Conversation.class));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new CacheException("cannot read conversations", e);
        }
    }

    /** The whole reference from the server: canned responses go to their own table, the rest to the blob. */
    private static void writeReference(Connection c, ReferenceData reference, ChangeCollector changes)
            throws SQLException {
        CannedRows.replaceAll(c, reference.cannedResponses(), changes);
        writeReferenceBlob(c, reference, changes);
    }

    private static void writeReferenceBlob(Connection c, ReferenceData reference, ChangeCollector changes)
            throws SQLException {
        ReferenceData blob = new ReferenceData(reference.brands(), reference.channels(), reference.queues(),
                reference.agents(), reference.labels(), List.of(), reference.slaPolicies(), reference.calendars());
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO reference (id, json) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json")) {
            ps.setString(1, Json.write(blob));
            ps.executeUpdate();
        }
        changes.reference();
    }

    /** Every cached canned response (shared and personal), as the server last sent them. */
    @Override
    public List<CannedResponse> cannedResponses() {
        try {
            return CannedRows.all(db.reader());
        } catch (SQLException e) {
            throw new CacheException("cannot read canned responses", e);
        }
    }

    private static void updateReference(Connection c, ChangeCollector changes, UnaryOperator<ReferenceData> change)
            throws SQLException {
        ReferenceData current;
        try (PreparedStatement ps = c.prepareStatement("SELECT json FROM reference WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return;
            }
            current = Json.read(rs.getString(1), ReferenceData.class);
        }
        writeReferenceBlob(c, change.apply(current), changes);
    }

    private static ReferenceData withAgent(ReferenceData r, Agent agent) {
        List<Agent> agents = new ArrayList<>(r.agents());
        agents.removeIf(a -> a.id().equals(agent.id()));
        agents.add(agent);
        return new ReferenceData(r.brands(), r.channels(), r.queues(), agents, r.labels(), r.cannedResponses(),
                r.slaPolicies(), r.calendars());
    }

    private static long readCursor(Connection c) throws SQLException {
        return readState(c, CURSOR).map(Long::parseLong).orElse(0L);
    }

    private Optional<String> readState(String key) {
        try {
            return readState(db.reader(), key);
        } catch (SQLException e) {
            throw new CacheException("cannot read sync state", e);
        }
    }

    private static Optional<String> readState(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM sync_state WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static void putState(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }

    private static void execute(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            ps.executeUpdate();
        }
    }
}
