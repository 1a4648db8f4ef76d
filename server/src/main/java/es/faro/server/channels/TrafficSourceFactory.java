package es.faro.server.channels;

import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Channel;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Builds a traffic source once the server listens (it posts signed webhooks to {@code serverBaseUri}). */
@FunctionalInterface
public interface TrafficSourceFactory {
    TrafficSource create(Context context);

    /** Everything a simulator needs to post webhooks as the networks would. */
    record Context(URI serverBaseUri, Map<Channel, String> webhookSecrets, List<Brand> brands,
                   double messagesPerMinute, long seed) {
    }
}
