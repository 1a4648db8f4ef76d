package es.faro.server.channels.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Posts a signed webhook to the server over HTTP, the same way a network or a connector would.
 * Uses the JDK client: the server module's compile classpath has only OkHttp's empty multiplatform
 * root artifact, not {@code okhttp-jvm}.
 */
final class WebhookPoster {
    /** What became of one delivery: accepted, rejected for good (4xx), or worth retrying later. */
    enum Outcome { ACCEPTED, REJECTED, RETRY }

    record Result(Outcome outcome, String detail) {
    }

    private final URI base;
    private final HttpClient http;
    private volatile CompletableFuture<HttpResponse<Void>> inFlight;

    WebhookPoster(URI serverBaseUri) {
        String text = serverBaseUri.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    URI target(SignedWebhook webhook) {
        return base.resolve(webhook.path());
    }

    Result post(SignedWebhook webhook) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(target(webhook))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header(webhook.signatureHeader(), webhook.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body()))
                .build();
        CompletableFuture<HttpResponse<Void>> call = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        inFlight = call;
        try {
            int code = call.get().statusCode();
            if (code >= 200 && code < 300) {
                return new Result(Outcome.ACCEPTED, "HTTP " + code);
            }
            // A 4xx will not get better by retrying (bad signature, unknown account…); a 5xx or 429 may.
            boolean retry = code >= 500 || code == 429;
            return new Result(retry ? Outcome.RETRY : Outcome.REJECTED, "HTTP " + code);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String why = cause.getMessage() == null ? "" : ": " + cause.getMessage();
            return new Result(Outcome.RETRY, cause.getClass().getSimpleName() + why);
        } catch (CancellationException e) {
            return new Result(Outcome.RETRY, "cancelled");
        } finally {
            inFlight = null;
        }
    }

    /** Cancels a delivery in progress so that closing does not wait for a network timeout. */
    void cancel() {
        CompletableFuture<HttpResponse<Void>> call = inFlight;
        if (call != null) {
            call.cancel(true);
        }
    }
}
