package es.faro.server.delivery;

import es.faro.protocol.event.EventType;
import es.faro.protocol.model.BrandAccount;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Customer;
import es.faro.protocol.model.DeliveryState;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;
import es.faro.server.config.Reference;
import es.faro.server.http.ApiException;
import es.faro.server.store.Conversations;
import es.faro.server.store.Deliveries;
import es.faro.server.store.EventLog;
import es.faro.server.store.Messages;
import es.faro.server.store.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbound messages: claims due rows of the deliveries table through the store (one node
 * per message), calls the channel's connector, and records the outcome with a {@code message.upserted}
 * event in the same transaction: SENT with the network's id, PREPARED (forums), FAILED with the
 * reason after a permanent error or the last attempt, or QUEUED again after a transient one with an
 * exponential backoff. A node that dies mid-call leaves its claim to run out; another node (or this
 * one after a restart) resumes the delivery with the same delivery key.
 *
 * <p>The loop reads when the next delivery is due and sleeps until then, woken early by every
 * commit (a new reply, or an announcement from another node); it only writes (claims) when
 * something is due, so it adds nothing to the writer's load when there is nothing to send.
 */
public final class DeliveryWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration MAX_NAP = Duration.ofSeconds(1);
    private static final Duration NO_ENDPOINT_RECHECK = Duration.ofSeconds(30);
    private static final Duration MIN_GAP = Duration.ofMillis(20);

    private final Store store;
    private final Supplier<Reference> reference;
    private final Clock clock;
    private final String node;
    private final Supplier<Map<Channel, Connector>> connectorFactory;
    private volatile Map<Channel, Connector> connectors = Map.of();
    private final Endpoints endpoints;
    private final DeliverySettings settings;
    private final ExecutorService calls;
    private final Semaphore slots;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Thread thread;
    private final Set<Channel> warnedNoEndpoint = ConcurrentHashMap.newKeySet();
    private final AtomicInteger attemptsMade = new AtomicInteger();
    private boolean woken;
    private volatile java.util.Set<Channel> channels = java.util.Set.of();
    private volatile boolean running = true;

    public DeliveryWorker(Store store, Supplier<Reference> reference, Clock clock, String node,
                          Supplier<Map<Channel, Connector>> connectors, Endpoints endpoints, DeliverySettings settings) {
        this.store = store;
        this.reference = reference;
        this.clock = clock;
        this.node = node;
        this.connectorFactory = connectors;
        this.endpoints = endpoints;
        this.settings = settings;
        this.slots = new Semaphore(settings.parallel());
        AtomicInteger n = new AtomicInteger();
        this.calls = Executors.newFixedThreadPool(settings.parallel(), r -> {
            Thread t = new Thread(r, "faro-delivery-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.thread = new Thread(this::loop, "faro-delivery-worker");
        this.thread.setDaemon(true);
    }

    /**
     * The channels this node can deliver: a forum needs no API; another channel needs an endpoint for
     * the channel or for one of its brand accounts. Replies on the others stay QUEUED untouched (no
     * claims, no writes) until the configuration names an endpoint and the server restarts.
     */
    private java.util.Set<Channel> deliverable() {
        java.util.Set<Channel> result = java.util.EnumSet.noneOf(Channel.class);
        for (Map.Entry<Channel, Connector> e : connectors.entrySet()) {
            Channel channel = e.getKey();
            boolean any = !e.getValue().needsEndpoint() || endpoints.of(channel, null).isPresent()
                    || reference.get().data().brands().stream().anyMatch(b -> b.account(channel)
                            .flatMap(a -> endpoints.of(channel, a.id())).isPresent());
            if (any) {
                result.add(channel);
            }
        }
        java.util.Set<Channel> missing = java.util.EnumSet.complementOf(java.util.EnumSet.copyOf(
                result.isEmpty() ? java.util.EnumSet.noneOf(Channel.class) : result));
        missing.retainAll(connectors.keySet());
        if (!missing.isEmpty()) {
            LOG.info("no API endpoint (delivery.<channel>.url) for {}: their replies stay queued", missing);
        }
        return java.util.Collections.unmodifiableSet(result);
    }

    /** Starts the worker thread; the HTTP connectors are built there, off the server's start-up path. */
    public DeliveryWorker start() {
        store.addCommitListener(this::wake);
        thread.start();
        return this;
    }

    /** Looks for due deliveries now (after a commit; tests that move an injected clock). */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Network calls made so far by this node (for tests and logs). */
    public int attemptsMade() {
        return attemptsMade.get();
    }

    private void loop() {
        try {
            connectors = connectorFactory.get();
            channels = deliverable();
        } catch (RuntimeException e) {
            LOG.error("the delivery connectors could not be built: replies stay queued", e);
            return;
        }
        while (running) {
            try {
                Instant now = clock.instant();
                Optional<Instant> due = store.read(c -> Deliveries.nextDue(c, channels));
                Duration nap = MAX_NAP;
                if (due.isPresent() && !due.get().isAfter(now) && slots.availablePermits() > 0) {
                    int free = slots.availablePermits();
                    List<Deliveries.Claim> claims = store.write(c -> Deliveries.claim(c, node, now,
                            now.plus(settings.lease()), free, channels)).join();
                    for (Deliveries.Claim claim : claims) {
                        slots.acquire();
                        calls.execute(() -> {
                            try {
                                attempt(claim);
                            } finally {
                                slots.release();
                                wake();
                            }
                        });
                    }
                    if (!claims.isEmpty()) {
                        continue;
                    }
                } else if (due.isPresent()) {
                    Duration until = Duration.between(now, due.get());
                    nap = until.isNegative() ? MAX_NAP : until.compareTo(MAX_NAP) < 0 ? until : MAX_NAP;
                }
                sleep(nap);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("the delivery loop failed; trying again shortly", e);
                    try {
                        sleep(MAX_NAP);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private void sleep(Duration nap) throws InterruptedException {
        boolean early;
        lock.lock();
        try {
            if (!woken) {
                wake.await(Math.max(1, nap.toMillis()), TimeUnit.MILLISECONDS);
            }
            early = woken;
            woken = false;
        } finally {
            lock.unlock();
        }
        if (early) {
            // Woken by a commit: a burst of commits (ingest) costs at most one look every MIN_GAP.
            Thread.sleep(MIN_GAP.toMillis());
        }
    }

    /** Everything one attempt needs, read in one snapshot. */
    private record Job(Message message, Conversation conversation, Customer customer, String replyToId) {
    }

    private void attempt(Deliveries.Claim claim) {
        String id = claim.messageId();
        try {
            Job job = store.read(c -> load(c, id));
            if (job == null) {
                record(claim, null, new Outcome.Permanent("the message or its conversation no longer exists"));
                return;
            }
            Channel channel = job.conversation().channel();
            Connector connector = connectors.get(channel);
            BrandAccount account;
            try {
                account = OutboundRules.account(reference.get(), job.conversation());
            } catch (ApiException e) {
                record(claim, job, new Outcome.Permanent(e.getMessage()));
                return;
            }
            Endpoint endpoint = null;
            if (connector.needsEndpoint()) {
                Optional<Endpoint> configured = endpoints.of(channel, account.id());
                if (configured.isEmpty()) {
                    if (warnedNoEndpoint.add(channel)) {
                        LOG.warn("no API endpoint for {} (delivery.{}.url): its replies stay queued until one is set",
                                channel.wireName(), channel.wireName());
                    }
                    store.write(c -> {
                        Deliveries.release(c, id, node, clock.instant().plus(NO_ENDPOINT_RECHECK));
                        return null;
                    }).join();
                    return;
                }
                endpoint = configured.get();
            }
            Outbound out = new Outbound(job.message(), job.conversation(), account, job.replyToId(),
                    job.customer() == null ? null : job.customer().channelUserId(), id);
            Outcome outcome;
            try {
                attemptsMade.incrementAndGet();
                outcome = connector.send(out, endpoint);
            } catch (RuntimeException e) {
                LOG.warn("the {} connector failed on {}", channel.wireName(), id, e);
                outcome = new Outcome.Transient("the " + channel.wireName() + " connector failed", null);
            }
            record(claim, job, outcome);
        } catch (RuntimeException e) {
            if (running) {
                LOG.warn("delivering {} failed; its claim runs out and it is tried again", id, e);
            }
        }
    }

    private static Job load(Connection c, String messageId) throws SQLException {
        Optional<Message> message = Deliveries.message(c, messageId);
        if (message.isEmpty()) {
            return null;
        }
        Optional<Conversation> conv = Conversations.find(c, message.get().conversationId());
        if (conv.isEmpty()) {
            return null;
        }
        Customer customer = Deliveries.customer(c, conv.get().customerId()).orElse(null);
        return new Job(message.get(), conv.get(), customer, replyTo(Messages.ofConversation(c, conv.get().id()),
                message.get()));
    }

    /**
     * The customer message a reply answers: for a review, the review itself (the first inbound
     * message, whatever edits followed); otherwise the latest inbound message of the same visibility
     * written before the reply.
     */
    static String replyTo(List<Message> thread, Message reply) {
        Channel channel = reply.channel();
        if (channel == Channel.GOOGLE_PLAY || channel == Channel.APP_STORE) {
            return thread.stream().filter(m -> m.kind() == MessageKind.IN).map(Message::channelMessageId)
                    .filter(v -> v != null).findFirst().orElse(null);
        }
        String found = null;
        for (Message m : thread) {
            if (m.id().equals(reply.id())) {
                break;
            }
            if (m.kind() == MessageKind.IN && m.isPublic() == reply.isPublic() && m.channelMessageId() != null) {
                found = m.channelMessageId();
            }
        }
        return found;
    }

    private void record(Deliveries.Claim claim, Job job, Outcome outcome) {
        store.write(c -> {
            Instant now = clock.instant();
            Message current = Deliveries.message(c, claim.messageId()).orElse(null);
            int attempts = claim.attempts() + 1;
            DeliveryState state;
            Instant next = now;
            Message updated = null;
            String error = null;
            if (outcome instanceof Outcome.Sent s) {
                state = DeliveryState.SENT;
                String networkId = s.networkId();
                if (current != null && networkId != null) {
                    Optional<Message> clash = Messages.byChannelId(c, current.channel(), networkId);
                    if (clash.isPresent() && !clash.get().id().equals(current.id())) {
                        networkId = null; // already stored (an echo): keep one row per network message
                    }
                }
                updated = current == null ? null : current.withDelivery(DeliveryState.SENT, networkId, null, s.link());
            } else if (outcome instanceof Outcome.Prepared p) {
                state = DeliveryState.PREPARED;
                updated = current == null ? null : current.withDelivery(DeliveryState.PREPARED, null, null, p.link());
            } else if (outcome instanceof Outcome.Permanent p) {
                state = DeliveryState.FAILED;
                error = p.reason();
                updated = current == null ? null : current.withDelivery(DeliveryState.FAILED, null, error, null);
            } else {
                Outcome.Transient t = (Outcome.Transient) outcome;
                if (attempts >= settings.maxAttempts()) {
                    state = DeliveryState.FAILED;
                    error = "gave up after " + attempts + " attempts: " + t.reason();
                } else {
                    state = DeliveryState.QUEUED;
                    error = t.reason();
                    next = now.plus(settings.backoff(attempts, t.retryAfter()));
                }
                updated = current == null ? null : current.withDelivery(state, null, error, null);
            }
            if (!Deliveries.finish(c, claim.messageId(), node, state, attempts, next, error, now)) {
                return null; // the claim ran out and another node owns the delivery now
            }
            if (updated != null && !updated.equals(current)) {
                String json = Deliveries.updateMessage(c, updated);
                Conversation conv = job != null ? job.conversation() : Conversations.find(c, updated.conversationId()).orElse(null);
                EventLog.appendJson(c, EventType.MESSAGE, now, conv == null ? null : conv.brandId(), updated.channel(), json);
            }
            if (state == DeliveryState.FAILED) {
                LOG.info("delivery of {} on {} failed: {}", claim.messageId(),
                        current == null ? "?" : current.channel().wireName(), error);
            }
            return null;
        }).join();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        calls.shutdownNow();
        try {
            thread.join(2_000);
            calls.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
