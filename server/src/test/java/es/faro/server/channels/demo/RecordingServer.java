package es.faro.server.channels.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/** A real HTTP server on 127.0.0.1 that records every webhook delivery and answers with a chosen status. */
final class RecordingServer implements AutoCloseable {
    record Delivery(String method, String path, String query, String contentType, String twitterSignature,
                    String metaSignature, String faroSignature, byte[] body, long receivedNanos) {
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    RecordingServer(IntSupplier status) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            requests.incrementAndGet();
            var h = exchange.getRequestHeaders();
            deliveries.add(new Delivery(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), h.getFirst("Content-Type"),
                    h.getFirst("X-Twitter-Webhooks-Signature"), h.getFirst("X-Hub-Signature-256"),
                    h.getFirst("X-Faro-Signature"), body, System.nanoTime()));
            byte[] answer = "{\"status\":\"ok\"}".getBytes();
            exchange.sendResponseHeaders(status.getAsInt(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    int requestCount() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
