package es.faro.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.json.Json;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * An SSE client that behaves like a client behind a load balancer: when its node goes away it
 * reconnects to the next node in the list with {@code Last-Event-ID}, so it must get exactly the
 * events it missed. Received events and the node of every successful (re)connection are queued.
 */
public final class FailoverStream extends EventSourceListener implements AutoCloseable {
    /** One received event; {@code at} = System.nanoTime() on receipt. */
    public record Received(long seq, String type, JsonNode data, long at) {
    }

    public final BlockingQueue<Received> events = new LinkedBlockingQueue<>();
    /** Index of the node each time a connection opened. */
    public final BlockingQueue<Integer> connections = new LinkedBlockingQueue<>();

    private final List<URI> nodes;
    private final String token;
    private final OkHttpClient http;
    private volatile int current;
    private volatile String lastEventId;
    private volatile EventSource source;
    private volatile boolean closed;

    public FailoverStream(List<URI> nodes, int first, String token, OkHttpClient http) {
        this.nodes = nodes;
        this.token = token;
        this.http = http.newBuilder().readTimeout(Duration.ofSeconds(10)).build();
        this.current = first;
        connect();
    }

    private synchronized void connect() {
        if (closed) {
            return;
        }
        Request.Builder b = new Request.Builder()
                .url(nodes.get(current).resolve("/api/v1/events").toString())
                .header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        source = EventSources.createFactory(http).newEventSource(b.build(), this);
    }

    @Override
    public void onOpen(EventSource eventSource, Response response) {
        connections.add(current);
    }

    @Override
    public void onEvent(EventSource eventSource, String id, String type, String data) {
        long at = System.nanoTime();
        lastEventId = id;
        try {
            events.add(new Received(Long.parseLong(id), type, Json.MAPPER.readTree(data), at));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void onClosed(EventSource eventSource) {
        failover();
    }

    @Override
    public void onFailure(EventSource eventSource, Throwable t, Response response) {
        failover();
    }

    private void failover() {
        if (closed) {
            return;
        }
        current = (current + 1) % nodes.size();
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        connect();
    }

    @Override
    public void close() {
        closed = true;
        EventSource s = source;
        if (s != null) {
            s.cancel();
        }
    }
}
