package es.faro.server.channels.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TrafficCorpusTest {
    private static final Pattern SLOT = Pattern.compile("\\{([a-z]+)}");
    private final TrafficCorpus corpus = DemoFixtures.corpus();

    private List<String> allTemplates() {
        List<String> all = new ArrayList<>();
        corpus.topics().values().forEach(t -> {
            t.es().values().forEach(all::addAll);
            all.addAll(t.en());
        });
        corpus.followUps().values().forEach(all::addAll);
        corpus.appReviews().values().forEach(list -> list.forEach(r -> all.add(r.text())));
        return all;
    }

    @Test
    void hasTheTopicsInEveryToneAndEnglish() {
        assertThat(corpus.topics().keySet()).containsExactlyInAnyOrder(
                "fibra", "movil", "factura", "portabilidad", "roaming", "averias", "cobertura", "tv", "tienda", "baja");
        corpus.topics().forEach((id, topic) -> {
            assertThat(topic.es().keySet()).as(id).containsExactlyInAnyOrder("polite", "neutral", "impatient", "angry");
            topic.es().values().forEach(list -> assertThat(list).as(id).isNotEmpty());
            assertThat(topic.en()).as(id).isNotEmpty();
        });
        assertThat(corpus.followUps().keySet()).contains("es", "en");
        assertThat(corpus.appReviews().keySet()).contains("es", "en");
    }

    @Test
    void hasAtLeast120DistinctTemplates() {
        List<String> all = allTemplates();
        assertThat(new HashSet<>(all)).hasSizeGreaterThanOrEqualTo(120);
        assertThat(all).doesNotHaveDuplicates();
    }

    @Test
    void everySlotATemplateUsesHasValues() {
        Set<String> used = new HashSet<>();
        for (String template : allTemplates()) {
            Matcher m = SLOT.matcher(template);
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        used.remove("brand");
        assertThat(used).contains("ciudad", "importe", "dias", "numero");
        used.forEach(slot -> assertThat(corpus.slots().get(slot)).as(slot).isNotEmpty());
    }

    @Test
    void angryTemplatesShoutAndReviewsCarryStars() {
        List<String> angry = corpus.topics().values().stream().flatMap(t -> t.es().get("angry").stream()).toList();
        assertThat(angry).anyMatch(t -> t.contains("!!!")).anyMatch(t -> t.contains("😡"))
                .anyMatch(t -> Stream.of(t.split("[^\\p{L}]+")).anyMatch(w -> w.length() > 4 && w.equals(w.toUpperCase())));
        corpus.appReviews().values().forEach(list -> list.forEach(r -> assertThat(r.stars()).isBetween(1, 5)));
        assertThat(corpus.appReviews().get("es")).extracting(TrafficCorpus.Review::stars).contains(1, 2, 3, 4, 5);
    }
}
