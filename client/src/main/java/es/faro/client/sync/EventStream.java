package es.faro.client.sync;

import es.faro.protocol.event.Event;
import es.faro.protocol.json.Json;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * One connection to {@code GET /api/v1/events}, resuming after a cursor with {@code Last-Event-ID}.
 * Events are handed over in the order received; {@link #ended()} completes when the stream breaks.
 */
final class EventStream implements AutoCloseable {
    /** Three missed 15 s heartbeats mean the link is dead even if TCP has not noticed. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(45);

    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final CompletableFuture<Throwable> ended = new CompletableFuture<>();
    private final EventSource source;

    EventStream(ApiClient api, long after, Consumer<Event> onEvent) {
        OkHttpClient client = api.http().newBuilder().readTimeout(READ_TIMEOUT).retryOnConnectionFailure(false).build();
        Request request = api.authorized(new Request.Builder()
                        .url(api.url("api/v1/events"))
                        .header("Last-Event-ID", Long.toString(after))
                        .header("Accept", "text/event-stream"))
                .build();
        source = EventSources.createFactory(client).newEventSource(request, new EventSourceListener() {
            @Override
            public void onOpen(EventSource eventSource, Response response) {
                opened.complete(null);
            }

            @Override
            public void onEvent(EventSource eventSource, String id, String type, String data) {
                try {
                    onEvent.accept(Json.read(data, Event.class));
                } catch (RuntimeException e) {
                    ended.complete(e);
                    eventSource.cancel();
                }
            }

            @Override
            public void onClosed(EventSource eventSource) {
                ended.complete(new java.io.EOFException("the server closed the event stream"));
            }

            @Override
            public void onFailure(EventSource eventSource, Throwable t, Response response) {
                Throwable reason = t;
                if (response != null && !response.isSuccessful()) {
                    reason = new ApiException(response.code(), null, response.message());
                }
                Throwable failure = reason != null ? reason : new java.io.IOException("event stream failed");
                opened.completeExceptionally(failure);
                ended.complete(failure);
            }
        });
    }

    CompletableFuture<Void> opened() {
        return opened;
    }

    /** Completes with the reason the stream ended. */
    CompletableFuture<Throwable> ended() {
        return ended;
    }

    @Override
    public void close() {
        source.cancel();
        ended.complete(new java.io.IOException("closed"));
    }
}
