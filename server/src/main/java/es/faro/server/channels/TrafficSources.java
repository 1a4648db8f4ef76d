package es.faro.server.channels;

import es.faro.server.channels.demo.DemoTraffic;
import java.util.Optional;

/** The plug point for the demo traffic simulator, used by both {@code ServerMain} and {@code EmbeddedServer}. */
public final class TrafficSources {
    private TrafficSources() {
    }

    /** The demo traffic simulator: realistic customer messages posted through the signed webhooks. */
    public static Optional<TrafficSourceFactory> demo() {
        return Optional.of(ctx -> {
            DemoTraffic demo = new DemoTraffic(ctx.serverBaseUri(), ctx.webhookSecrets(), ctx.brands(),
                    ctx.messagesPerMinute(), ctx.seed());
            return TrafficSource.of(demo::start, demo);
        });
    }
}
