package es.faro.bench.sse;

import es.faro.bench.Stats;
import es.faro.protocol.event.EventType;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One dashboard's event stream, read line by line without a thread of its own. For every
 * {@code message.upserted} it records the delay from the message's own timestamp (the network's
 * time, which the sender sets to the moment it posts the webhook) to the moment it arrived here.
 */
final class SseClient implements Flow.Subscriber<String> {
    private static final String CREATED_AT = "\"createdAt\":\"";

    private final Stats latency;
    private final CountDownLatch connected;
    private final AtomicLong received;
    private String type;
    private boolean counted;

    SseClient(Stats latency, CountDownLatch connected, AtomicLong received) {
        this.latency = latency;
        this.connected = connected;
        this.received = received;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (!counted && line.startsWith(":")) {
            counted = true;
            connected.countDown();
        } else if (line.startsWith("event:")) {
            type = line.substring(6).trim();
        } else if (line.startsWith("data:") && EventType.MESSAGE.equals(type)) {
            long now = System.currentTimeMillis();
            int at = line.indexOf(CREATED_AT);
            if (at >= 0) {
                int from = at + CREATED_AT.length();
                Instant created = Instant.parse(line.substring(from, line.indexOf('"', from)));
                latency.add(now - created.toEpochMilli());
                received.incrementAndGet();
            }
        } else if (line.isEmpty()) {
            type = null;
        }
    }

    @Override
    public void onError(Throwable throwable) {
        // A dropped stream shows up as fewer receipts than expected in the figures.
    }

    @Override
    public void onComplete() {
        // Same as above.
    }
}
