package es.faro.client.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import es.faro.client.cache.OutboxEntry;
import es.faro.client.cache.SqliteCache;
import es.faro.protocol.api.PostMessageRequest;
import es.faro.protocol.api.PostMessageResponse;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Conversation;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox entries to the server strictly in order, one at a time. A network failure or a
 * 5xx keeps the entry and retries with backoff (the UUID makes a repeat harmless); a refusal (4xx)
 * marks the entry rejected for the agent to decide, and the cache converges to the server's state.
 */
final class OutboxPusher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxPusher.class);

    private final ApiClient api;
    private final SqliteCache cache;
    private final Runnable onProgress;
    private final Semaphore wake = new Semaphore(0);
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    private final Thread thread;
    private volatile boolean running = true;

    private volatile Runnable onUnauthorized = () -> { };

    /** Told when the server refuses the token (401), so the sync engine can report the expired session. */
    void onUnauthorized(Runnable action) {
        this.onUnauthorized = action;
    }

    OutboxPusher(ApiClient api, SqliteCache cache, Runnable onProgress) {
        this.api = api;
        this.cache = cache;
        this.onProgress = onProgress;
        this.thread = new Thread(this::loop, "faro-outbox");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Something new to send, or the link is back: try now instead of waiting out the backoff. */
    void wake() {
        backoff.reset();
        wake.release();
    }

    private void loop() {
        while (running) {
            Optional<OutboxEntry> next;
            try {
                next = cache.firstPendingOutboxEntry();
            } catch (RuntimeException e) {
                log.warn("cannot read the outbox", e);
                sleep(Duration.ofSeconds(1));
                continue;
            }
            if (next.isEmpty()) {
                sleep(Duration.ofSeconds(5));
                continue;
            }
            OutboxEntry entry = next.get();
            try {
                deliver(entry);
                backoff.reset();
            } catch (ApiException e) {
                if (e.isPermanent()) {
                    Conversation current = currentState(e);
                    String reason = e.error() != null && e.error().error() != null
                            ? e.error().error().message() : e.getMessage();
                    log.info("server refused outbox entry {} ({}): {}", entry.id(), entry.kind(), e.code());
                    cache.outboxRejected(entry, reason, current);
                } else {
                    if (e.status() == 401) {
                        // The token expired or was revoked: let the engine find out and say so.
                        onUnauthorized.run();
                    }
                    retryLater(entry, e.getMessage());
                }
            } catch (IOException | RuntimeException e) {
                retryLater(entry, e.getMessage());
            }
            onProgress.run();
        }
    }

    private void deliver(OutboxEntry e) throws IOException, ApiException {
        ObjectNode p = e.payload();
        switch (e.kind()) {
            case REPLY, NOTE -> {
                boolean isReply = e.kind() == es.faro.client.cache.OutboxKind.REPLY;
                // Collision guard and brand (optional: entries queued by older versions lack them).
                PostMessageRequest request = new PostMessageRequest(
                        isReply ? PostMessageRequest.REPLY : PostMessageRequest.NOTE,
                        p.path("body").asText(), isReply && p.path("public").asBoolean(true),
                        isReply && p.hasNonNull("lastSeenMessageId") ? p.get("lastSeenMessageId").asText() : null,
                        isReply && p.path("force").asBoolean(false) ? Boolean.TRUE : null,
                        isReply && p.hasNonNull("brandId") ? p.get("brandId").asText() : null);
                PostMessageResponse response = api.postMessage(e.conversationId(), e.id(), request);
                cache.outboxDelivered(e, response.conversation(), response.message());
            }
            default -> {
                ObjectNode body = p.deepCopy();
                body.put("version", e.baseVersion());
                Conversation result = api.action(e.conversationId(), actionPath(e), body, e.id());
                cache.outboxDelivered(e, result, null);
            }
        }
    }

    private static String actionPath(OutboxEntry e) {
        return switch (e.kind()) {
            case CLAIM -> "claim";
            case ASSIGN -> "assign";
            case STATUS -> "status";
            case PRIORITY -> "priority";
            case LABELS -> "labels";
            case REPLY, NOTE -> throw new IllegalArgumentException("not an action: " + e.kind());
        };
    }

    private static Conversation currentState(ApiException e) {
        return e.error() != null ? e.error().current() : null;
    }

    private void retryLater(OutboxEntry entry, String reason) {
        log.debug("outbox entry {} not delivered yet: {}", entry.id(), reason);
        try {
            cache.outboxAttemptFailed(entry, reason);
        } catch (RuntimeException e) {
            log.warn("cannot record a failed delivery attempt", e);
        }
        sleep(backoff.next());
    }

    private void sleep(Duration d) {
        try {
            if (wake.tryAcquire(d.toMillis(), TimeUnit.MILLISECONDS)) {
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        wake.release();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
