package es.faro.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;

/** The load generators' HTTP client: HTTP/1.1 like the networks' webhook senders and browsers' SSE. */
public final class LoadClient {
    private LoadClient() {
    }

    public static HttpClient create() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                // A pool of our own: on 2 cores the common pool has one thread, and CompletableFuture
                // then starts a new thread for every completion.
                .executor(Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, "bench-http");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }
}
