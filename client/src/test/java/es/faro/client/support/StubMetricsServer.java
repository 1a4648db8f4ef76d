package es.faro.client.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on 127.0.0.1 that answers the metrics paths given to it and 404 (with Faro's
 * JSON error) everywhere else, standing in for the server side of the metrics endpoints while they
 * are built on another branch. It records each request's path, decoded query and Authorization header.
 */
public final class StubMetricsServer implements AutoCloseable {
    public record Seen(String path, String query, String authorization) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private record Answer(int status, String body) {
    }

    public StubMetricsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            URI uri = exchange.getRequestURI();
            seen.add(new Seen(uri.getPath(), uri.getQuery(), exchange.getRequestHeaders().getFirst("Authorization")));
            Answer answer = answers.getOrDefault(uri.getPath(),
                    new Answer(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"no route\"}}"));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    public void answer(String path, int status, String json) {
        answers.put(path, new Answer(status, json));
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
