package es.faro.server.channels.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import es.faro.protocol.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The texts the demo traffic is made of (config/demo/traffic.json): per topic, Spanish templates by
 * tone and English ones; follow-ups into an existing thread; app reviews with their star rating;
 * slot values ({@code {ciudad}}, {@code {importe}}…) and the names customers are invented from.
 */
public record TrafficCorpus(Map<String, List<String>> slots, Names names, Map<String, Topic> topics,
                            Map<String, List<String>> followUps, Map<String, List<Review>> appReviews) {

    static final String RESOURCE = "faro-config/demo/traffic.json";
    static final Path FILE = Path.of("config", "demo", "traffic.json");

    public TrafficCorpus {
        slots = slots == null ? Map.of() : Map.copyOf(slots);
        topics = topics == null ? Map.of() : Map.copyOf(topics);
        followUps = followUps == null ? Map.of() : Map.copyOf(followUps);
        appReviews = appReviews == null ? Map.of() : Map.copyOf(appReviews);
        if (topics.isEmpty() || names == null || names.first().isEmpty() || names.last().isEmpty()) {
            throw new IllegalArgumentException("traffic corpus needs topics and names");
        }
    }

    /** A topic: the label it stands for, Spanish templates by tone (polite, neutral, impatient, angry), English ones. */
    public record Topic(String label, Map<String, List<String>> es, List<String> en) {
        public Topic {
            es = Map.copyOf(es);
            en = en == null ? List.of() : List.copyOf(en);
        }
    }

    public record Names(List<String> first, List<String> last, List<String> englishFirst, List<String> englishLast) {
        public Names {
            first = first == null ? List.of() : List.copyOf(first);
            last = last == null ? List.of() : List.copyOf(last);
            englishFirst = englishFirst == null ? List.of() : List.copyOf(englishFirst);
            englishLast = englishLast == null ? List.of() : List.copyOf(englishLast);
        }
    }

    public record Review(int stars, String text) {
    }

    /** The corpus from the classpath ({@value #RESOURCE}) when packaged, else from config/demo/traffic.json. */
    public static TrafficCorpus load() {
        InputStream resource = TrafficCorpus.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (resource != null) {
            try (InputStream in = resource) {
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read classpath " + RESOURCE, e);
            }
        }
        return read(FILE);
    }

    public static TrafficCorpus read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo traffic corpus " + file.toAbsolutePath(), e);
        }
    }

    public static TrafficCorpus read(InputStream in) throws IOException {
        return Json.MAPPER.readValue(in, new TypeReference<TrafficCorpus>() { });
    }
}
