package es.faro.server.channels.demo;

import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Channel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what the next simulated customer writes, where and to which brand: the channel mix
 * (about 50 % X, 35 % Facebook, 15 % Google Play), the brand, the customer, the topic and tone, and
 * whether it is a follow-up into one of the customer's earlier threads (about 30 %). Everything comes
 * from one seeded {@link Random}, so a seed and a clock give the same traffic every time.
 */
final class TrafficScript {
    static final double FOLLOW_UP_SHARE = 0.30;
    private static final int MAX_OPEN_THREADS = 400;
    /** X's snowflake epoch: ids made from it sort by time like real tweet ids. */
    private static final long TWITTER_EPOCH_MILLIS = 1_288_834_974_657L;
    private static final Pattern SLOT = Pattern.compile("\\{([a-z]+)}");
    private static final Map<Channel, Double> CHANNEL_WEIGHTS =
            Map.of(Channel.TWITTER, 0.50, Channel.FACEBOOK, 0.35, Channel.GOOGLE_PLAY, 0.15);
    private static final Map<String, Double> BRAND_WEIGHTS =
            Map.of("orange", 0.35, "jazztel", 0.20, "amena", 0.15, "simyo", 0.15, "republica", 0.15);
    private static final String[] TONES = {"polite", "neutral", "impatient", "angry"};
    private static final double[] TONE_WEIGHTS = {0.30, 0.30, 0.22, 0.18};
    private static final int POSTS_PER_PAGE = 6;

    private final TrafficCorpus corpus;
    private final List<Brand> brands;
    private final List<Channel> channels;
    private final CustomerPool customers;
    private final Random random;
    private final Clock clock;
    private final List<DemoMessage> threads = new ArrayList<>();
    /** Sorted, because the corpus maps iterate in a different order on every JVM. */
    private final List<String> topicIds;
    private final double followUpChance;
    private long sequence;

    TrafficScript(TrafficCorpus corpus, List<Brand> brands, Set<Channel> enabledChannels, long seed, Clock clock) {
        this.corpus = corpus;
        this.brands = List.copyOf(brands);
        this.clock = clock;
        this.random = new Random(seed);
        this.customers = customerPool(corpus, seed);
        List<Channel> usable = new ArrayList<>();
        for (Channel channel : EnumSet.copyOf(CHANNEL_WEIGHTS.keySet())) {
            if (enabledChannels.contains(channel) && brands.stream().anyMatch(b -> b.account(channel).isPresent())) {
                usable.add(channel);
            }
        }
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("demo traffic needs a webhook secret and a brand account on "
                    + "at least one of " + CHANNEL_WEIGHTS.keySet());
        }
        this.channels = List.copyOf(usable);
        this.topicIds = List.copyOf(new TreeSet<>(corpus.topics().keySet()));
        // Reviews have no follow-ups, so threads on X and Facebook get a larger share to keep the overall one.
        double total = channels.stream().mapToDouble(CHANNEL_WEIGHTS::get).sum();
        double threaded = channels.stream().filter(c -> c != Channel.GOOGLE_PLAY).mapToDouble(CHANNEL_WEIGHTS::get).sum();
        this.followUpChance = threaded == 0 ? 0 : Math.min(1.0, FOLLOW_UP_SHARE * total / threaded);
        this.sequence = random.nextInt(1 << 20);
    }

    List<Channel> channels() {
        return channels;
    }

    DemoMessage next() {
        Instant now = clock.instant();
        Channel channel = pickChannel();
        if (channel != Channel.GOOGLE_PLAY && random.nextDouble() < followUpChance) {
            List<DemoMessage> open = threads.stream().filter(t -> t.channel() == channel).toList();
            if (!open.isEmpty()) {
                return remember(followUp(open.get(random.nextInt(open.size())), now));
            }
        }
        Brand brand = pickBrand(channel);
        DemoCustomer customer = customers.pick(random);
        return remember(switch (channel) {
            case TWITTER -> random.nextDouble() < 0.75
                    ? tweet(brand, customer, null, customerText(customer, brand, true), now)
                    : directMessage(brand, customer, customerText(customer, brand, false), false, now);
            case FACEBOOK -> random.nextDouble() < 0.70
                    ? comment(brand, customer, postId(brand), null, customerText(customer, brand, false), now)
                    : pageMessage(brand, customer, customerText(customer, brand, false), false, now);
            default -> review(brand, customer, now);
        });
    }

    private DemoMessage followUp(DemoMessage earlier, Instant now) {
        DemoCustomer customer = earlier.customer();
        Brand brand = earlier.brand();
        List<String> texts = corpus.followUps().getOrDefault(customer.language(), corpus.followUps().get("es"));
        String text = fill(pick(texts), brand, false);
        return switch (earlier.shape()) {
            case TWEET -> tweet(brand, customer, earlier.messageId(), mention(brand, text), now);
            case DIRECT_MESSAGE -> directMessage(brand, customer, text, true, now);
            case PAGE_COMMENT -> comment(brand, customer, earlier.postId(), earlier.messageId(), text, now);
            case PAGE_MESSAGE -> pageMessage(brand, customer, text, true, now);
            case APP_REVIEW -> throw new IllegalStateException("reviews have no follow-ups");
        };
    }

    /** Follow-ups continue threads on X and Facebook; a review is one text per author. */
    private DemoMessage remember(DemoMessage message) {
        if (message.shape() != DemoMessage.Shape.APP_REVIEW) {
            if (message.followUp()) {
                threads.removeIf(t -> t.customer() == message.customer() && t.brand() == message.brand()
                        && t.shape() == message.shape());
            }
            threads.add(message);
            if (threads.size() > MAX_OPEN_THREADS) {
                threads.remove(0);
            }
        }
        return message;
    }

    private DemoMessage tweet(Brand brand, DemoCustomer customer, String replyTo, String text, Instant now) {
        return new DemoMessage(DemoMessage.Shape.TWEET, brand, customer, text, customer.language(), 0,
                snowflake(now), replyTo, null, replyTo != null, now);
    }

    private DemoMessage directMessage(Brand brand, DemoCustomer customer, String text, boolean followUp,
                                      Instant now) {
        return new DemoMessage(DemoMessage.Shape.DIRECT_MESSAGE, brand, customer, text, customer.language(), 0,
                snowflake(now), null, null, followUp, now);
    }

    private DemoMessage comment(Brand brand, DemoCustomer customer, String postId, String parentCommentId,
                                String text, Instant now) {
        String postNumber = postId.substring(postId.indexOf('_') + 1);
        String commentId = postNumber + "_" + snowflake(now);
        return new DemoMessage(DemoMessage.Shape.PAGE_COMMENT, brand, customer, text, customer.language(), 0,
                commentId, parentCommentId, postId, parentCommentId != null, now);
    }

    private DemoMessage pageMessage(Brand brand, DemoCustomer customer, String text, boolean followUp, Instant now) {
        String mid = "m_" + Long.toString(now.toEpochMilli(), 36) + Long.toString(++sequence, 36)
                + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        return new DemoMessage(DemoMessage.Shape.PAGE_MESSAGE, brand, customer, text, customer.language(), 0,
                mid, null, null, followUp, now);
    }

    private DemoMessage review(Brand brand, DemoCustomer customer, Instant now) {
        List<TrafficCorpus.Review> reviews =
                corpus.appReviews().getOrDefault(customer.language(), corpus.appReviews().get("es"));
        TrafficCorpus.Review review = pick(reviews);
        StringBuilder id = new StringBuilder("gp:AOqpTO");
        id.append(Long.toString(now.toEpochMilli(), 36)).append(Long.toString(++sequence, 36));
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        while (id.length() < 48) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return new DemoMessage(DemoMessage.Shape.APP_REVIEW, brand, customer, review.text(), customer.language(),
                review.stars(), id.toString(), null, null, false, now);
    }

    private String customerText(DemoCustomer customer, Brand brand, boolean publicTweet) {
        TrafficCorpus.Topic topic = corpus.topics().get(pick(topicIds));
        String template;
        if ("en".equals(customer.language()) && !topic.en().isEmpty()) {
            template = pick(topic.en());
        } else {
            List<String> byTone = topic.es().get(pickTone());
            template = pick(byTone != null && !byTone.isEmpty() ? byTone : topic.es().get(TONES[1]));
        }
        String text = fill(template, brand, publicTweet);
        return publicTweet ? mention(brand, text) : text;
    }

    /** A public tweet reaches the brand's Account Activity only when it mentions the brand. */
    private static String mention(Brand brand, String text) {
        String handle = brand.account(Channel.TWITTER).map(a -> a.handle()).orElse("");
        return handle.isEmpty() || text.contains(handle) ? text : handle + " " + text;
    }

    private String fill(String template, Brand brand, boolean publicTweet) {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String slot = m.group(1);
            String value;
            if (slot.equals("brand")) {
                value = publicTweet ? brand.account(Channel.TWITTER).map(a -> a.handle()).orElse(brand.name())
                        : brand.name();
            } else {
                List<String> values = corpus.slots().get(slot);
                value = values == null || values.isEmpty() ? m.group() : pick(values);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String pickTone() {
        double roll = random.nextDouble();
        for (int i = 0; i < TONES.length; i++) {
            roll -= TONE_WEIGHTS[i];
            if (roll < 0) {
                return TONES[i];
            }
        }
        return TONES[TONES.length - 1];
    }

    private Channel pickChannel() {
        double total = channels.stream().mapToDouble(CHANNEL_WEIGHTS::get).sum();
        double roll = random.nextDouble() * total;
        for (Channel channel : channels) {
            roll -= CHANNEL_WEIGHTS.get(channel);
            if (roll < 0) {
                return channel;
            }
        }
        return channels.get(channels.size() - 1);
    }

    private Brand pickBrand(Channel channel) {
        List<Brand> candidates = brands.stream().filter(b -> b.account(channel).isPresent()).toList();
        double total = candidates.stream().mapToDouble(b -> BRAND_WEIGHTS.getOrDefault(b.id(), 0.15)).sum();
        double roll = random.nextDouble() * total;
        for (Brand brand : candidates) {
            roll -= BRAND_WEIGHTS.getOrDefault(brand.id(), 0.15);
            if (roll < 0) {
                return brand;
            }
        }
        return candidates.get(candidates.size() - 1);
    }

    /** One of the brand's recent posts, in Meta's {@code PAGEID_POSTID} form. */
    private String postId(Brand brand) {
        String pageId = brand.account(Channel.FACEBOOK).orElseThrow().id();
        return pageId + "_" + (pageId.hashCode() & 0xFFFF) + "00" + (1 + random.nextInt(POSTS_PER_PAGE));
    }

    /** Time-ordered ids that never repeat across runs (the time) nor within one (the sequence). */
    private String snowflake(Instant now) {
        long millis = Math.max(0, now.toEpochMilli() - TWITTER_EPOCH_MILLIS);
        return Long.toString((millis << 22) | (++sequence & 0x3FFFFF));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** The customers of the traffic started with {@code seed} (the demo networks give their profiles). */
    static CustomerPool customerPool(TrafficCorpus corpus, long seed) {
        return new CustomerPool(corpus.names(), new Random(seed ^ 0x5DEECE66DL));
    }
}
