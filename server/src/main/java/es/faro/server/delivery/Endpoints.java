package es.faro.server.delivery;

import es.faro.protocol.model.Channel;
import es.faro.server.config.ServerConfig;
import java.util.Optional;

/**
 * The API base URL and token of each channel, per brand account when configured:
 * {@code delivery.<channel>.<accountId>.url} / {@code .token} first, then {@code delivery.<channel>.url}
 * / {@code .token} (channel in lower case, e.g. {@code delivery.google_play.url}). A channel with no URL
 * has no endpoint: its replies wait QUEUED until one is configured.
 */
public final class Endpoints {
    private final ServerConfig config;

    public Endpoints(ServerConfig config) {
        this.config = config;
    }

    public Optional<Endpoint> of(Channel channel, String accountId) {
        String prefix = "delivery." + channel.wireName() + ".";
        Optional<String> url = accountId == null ? Optional.empty() : nonBlank(prefix + accountId + ".url");
        Optional<String> token = accountId == null ? Optional.empty() : nonBlank(prefix + accountId + ".token");
        url = url.or(() -> nonBlank(prefix + "url"));
        String t = token.or(() -> nonBlank(prefix + "token")).orElse(null);
        return url.map(u -> new Endpoint(u, t));
    }

    private Optional<String> nonBlank(String key) {
        return config.get(key).map(String::trim).filter(v -> !v.isEmpty());
    }
}
