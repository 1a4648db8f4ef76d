package es.faro.server.delivery;

import es.faro.protocol.model.Channel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import okhttp3.OkHttpClient;

/** One connector per channel, sharing one HTTP client. */
public final class Connectors {
    private Connectors() {
    }

    public static Map<Channel, Connector> create(OkHttpClient http) {
        Map<Channel, Connector> all = new EnumMap<>(Channel.class);
        for (Connector c : new Connector[] {new XConnector(http), new MetaConnector(http, Channel.FACEBOOK),
                new MetaConnector(http, Channel.INSTAGRAM), new GooglePlayConnector(http), new AppStoreConnector(http),
                new CommunityConnector(http), new ForumConnector()}) {
            all.put(c.channel(), c);
        }
        return all;
    }

    public static OkHttpClient http(Duration timeout) {
        return new OkHttpClient.Builder().callTimeout(timeout).connectTimeout(timeout).readTimeout(timeout)
                .retryOnConnectionFailure(false).followRedirects(false).build();
    }
}
