package es.faro.server.channels.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** The real brands and corpus from config/, and the secrets the tests sign with. */
final class DemoFixtures {
    static final Map<Channel, String> SECRETS = Map.of(
            Channel.TWITTER, "x-consumer-secret-for-tests",
            Channel.FACEBOOK, "meta-app-secret-for-tests",
            Channel.GOOGLE_PLAY, "faro-connector-secret-for-tests");
    static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-23T09:15:30.123Z"), ZoneOffset.UTC);

    private DemoFixtures() {
    }

    static List<Brand> brands() {
        try {
            return Json.MAPPER.readValue(ConfigFiles.reference("brands.json").toFile(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TrafficCorpus corpus() {
        return TrafficCorpus.read(ConfigFiles.trafficCorpus());
    }

    static Brand brand(String id) {
        return brands().stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
    }
}
