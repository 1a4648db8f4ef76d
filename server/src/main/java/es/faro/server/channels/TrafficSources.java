package es.faro.server.channels;

import java.util.Optional;

/**
 * THE plug point for the demo traffic simulator, used by both {@code ServerMain} and
 * {@code EmbeddedServer} when demo traffic is on. The simulator lives in
 * {@code es.faro.server.channels.demo} and lands in a separate change; once it is there, make
 * {@link #demo()} return:
 * <pre>{@code
 * Optional.of(ctx -> { var d = new es.faro.server.channels.demo.DemoTraffic(ctx.serverBaseUri(),
 *         ctx.webhookSecrets(), ctx.brands(), ctx.messagesPerMinute(), ctx.seed());
 *     return TrafficSource.of(d::start, d); })
 * }</pre>
 */
public final class TrafficSources {
    private TrafficSources() {
    }

    /** The demo traffic factory, or empty while no simulator is built in. */
    public static Optional<TrafficSourceFactory> demo() {
        return Optional.empty();
    }
}
