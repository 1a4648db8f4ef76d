package es.faro.server.channels.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrafficScriptTest {
    private static final Set<Channel> ALL = DemoFixtures.SECRETS.keySet();
    private final TrafficCorpus corpus = DemoFixtures.corpus();
    private final List<Brand> brands = DemoFixtures.brands();

    private List<DemoMessage> generate(long seed, Set<Channel> channels, int n) {
        TrafficScript script = new TrafficScript(corpus, brands, channels, seed, DemoFixtures.FIXED);
        List<DemoMessage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(script.next());
        }
        return out;
    }

    private static double share(List<DemoMessage> messages, java.util.function.Predicate<DemoMessage> p) {
        return messages.stream().filter(p).count() / (double) messages.size();
    }

    @Test
    void sameSeedAndClockGiveTheSameTraffic() {
        List<DemoMessage> a = generate(42, ALL, 300);
        List<DemoMessage> b = generate(42, ALL, 300);
        assertThat(a).usingRecursiveFieldByFieldElementComparator().isEqualTo(b);
        List<DemoMessage> other = generate(43, ALL, 300);
        assertThat(other.stream().map(DemoMessage::text).toList())
                .isNotEqualTo(a.stream().map(DemoMessage::text).toList());
    }

    @Test
    void mixesChannelsLanguagesAndFollowUpsInTheIntendedShares() {
        List<DemoMessage> messages = generate(7, ALL, 4_000);
        assertThat(share(messages, m -> m.channel() == Channel.TWITTER)).isCloseTo(0.50, within(0.05));
        assertThat(share(messages, m -> m.channel() == Channel.FACEBOOK)).isCloseTo(0.35, within(0.05));
        assertThat(share(messages, m -> m.channel() == Channel.GOOGLE_PLAY)).isCloseTo(0.15, within(0.04));
        assertThat(share(messages, DemoMessage::followUp)).isCloseTo(0.30, within(0.05));
        assertThat(share(messages, m -> m.language().equals("en"))).isCloseTo(0.15, within(0.06));
        assertThat(messages.stream().map(m -> m.brand().id()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("orange", "jazztel", "amena", "simyo", "republica");
        assertThat(messages.stream().map(DemoMessage::text).distinct().count()).isGreaterThan(150);
        assertThat(messages).extracting(DemoMessage::shape).contains(DemoMessage.Shape.values());
    }

    @Test
    void slotsAreFilledAndPublicTweetsMentionTheBrand() {
        for (DemoMessage m : generate(3, ALL, 1_000)) {
            assertThat(m.text()).doesNotContain("{").doesNotContain("}");
            if (m.shape() == DemoMessage.Shape.TWEET) {
                assertThat(m.text()).contains(m.brand().account(Channel.TWITTER).orElseThrow().handle());
            }
            if (m.shape() == DemoMessage.Shape.APP_REVIEW) {
                assertThat(m.stars()).isBetween(1, 5);
                assertThat(m.followUp()).isFalse();
            }
        }
    }

    @Test
    void followUpsContinueAThreadOfTheSameCustomerAndBrand() {
        List<DemoMessage> messages = generate(11, ALL, 2_000);
        Map<String, DemoMessage> byId = new HashMap<>();
        Set<String> privateThreads = new HashSet<>();
        int checked = 0;
        for (DemoMessage m : messages) {
            String threadKey = m.shape() + "|" + m.brand().id() + "|" + m.customer().screenName();
            if (m.followUp()) {
                if (m.shape() == DemoMessage.Shape.TWEET || m.shape() == DemoMessage.Shape.PAGE_COMMENT) {
                    DemoMessage earlier = byId.get(m.replyToId());
                    assertThat(earlier).as("reply target of %s", m.messageId()).isNotNull();
                    assertThat(earlier.customer()).isSameAs(m.customer());
                    assertThat(earlier.brand()).isSameAs(m.brand());
                    assertThat(earlier.shape()).isEqualTo(m.shape());
                    if (m.shape() == DemoMessage.Shape.PAGE_COMMENT) {
                        assertThat(m.postId()).isEqualTo(earlier.postId());
                    }
                } else {
                    assertThat(privateThreads).contains(threadKey);
                }
                checked++;
            }
            byId.put(m.messageId(), m);
            privateThreads.add(threadKey);
        }
        assertThat(checked).isGreaterThan(400);
        assertThat(byId).hasSize(messages.size());
    }

    @Test
    void usesOnlyChannelsThatHaveASecret() {
        assertThat(generate(5, Set.of(Channel.GOOGLE_PLAY), 200))
                .allMatch(m -> m.shape() == DemoMessage.Shape.APP_REVIEW);
        assertThat(generate(5, Set.of(Channel.TWITTER, Channel.INSTAGRAM), 200))
                .allMatch(m -> m.channel() == Channel.TWITTER);
        assertThatThrownBy(() -> new TrafficScript(corpus, brands, Set.of(Channel.APP_STORE), 1, DemoFixtures.FIXED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsStayUniqueAndTimeOrderedAcrossRuns() {
        Clock later = Clock.offset(DemoFixtures.FIXED, Duration.ofMinutes(5));
        TrafficScript first = new TrafficScript(corpus, brands, Set.of(Channel.TWITTER), 1, DemoFixtures.FIXED);
        TrafficScript restarted = new TrafficScript(corpus, brands, Set.of(Channel.TWITTER), 1, later);
        long before = Long.parseLong(first.next().messageId());
        long after = Long.parseLong(restarted.next().messageId());
        assertThat(after).isGreaterThan(before);
        // The top bits are milliseconds since X's epoch, like a real tweet id.
        Instant at = Instant.ofEpochMilli((before >> 22) + 1_288_834_974_657L);
        assertThat(at).isEqualTo(DemoFixtures.FIXED.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void customerPoolHasTwoHundredDistinctPlausibleIdentities() {
        CustomerPool pool = new CustomerPool(corpus.names(), new java.util.Random(1));
        assertThat(pool.all()).hasSize(CustomerPool.SIZE);
        assertThat(pool.all()).extracting(DemoCustomer::screenName).doesNotHaveDuplicates()
                .allMatch(h -> h.matches("[a-z0-9_]{1,15}"));
        assertThat(pool.all()).extracting(DemoCustomer::twitterId).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[0-9]+"));
        assertThat(pool.all()).anyMatch(c -> c.followers() > 20_000);
        assertThat(pool.all()).allMatch(c -> c.name().split(" ").length >= 2);
    }
}
