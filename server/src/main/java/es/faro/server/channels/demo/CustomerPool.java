package es.faro.server.channels.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.text.Normalizer;

/** A fixed pool of invented customers drawn from the corpus names; about 15 % write in English. */
final class CustomerPool {
    static final int SIZE = 200;
    private static final double ENGLISH_SHARE = 0.15;

    private final List<DemoCustomer> customers;

    CustomerPool(TrafficCorpus.Names names, Random random) {
        List<DemoCustomer> list = new ArrayList<>(SIZE);
        Set<String> handles = new HashSet<>();
        for (int i = 0; i < SIZE; i++) {
            boolean english = random.nextDouble() < ENGLISH_SHARE;
            // Many expats write in English under Spanish surnames (and the other way round).
            String first = english && !names.englishFirst().isEmpty() && random.nextBoolean()
                    ? pick(names.englishFirst(), random) : pick(names.first(), random);
            String last = english && !names.englishLast().isEmpty() && random.nextBoolean()
                    ? pick(names.englishLast(), random) : pick(names.last(), random);
            String second = pick(names.last(), random);
            String fullName = english ? first + " " + last : first + " " + last + " " + second;
            String handle = uniqueHandle(first, last, second, random, handles);
            String twitterId = Long.toString(100_000_000L + (long) (random.nextDouble() * 1_500_000_000_000L));
            String facebookId = Long.toString(5_000_000_000_000_000L + (long) (random.nextDouble() * 4_000_000_000_000_000L));
            list.add(new DemoCustomer(fullName, handle, twitterId, facebookId, followers(random), english ? "en" : "es"));
        }
        customers = List.copyOf(list);
    }

    List<DemoCustomer> all() {
        return customers;
    }

    DemoCustomer pick(Random random) {
        return customers.get(random.nextInt(customers.size()));
    }

    /** Most people have a few hundred followers; a few are small influencers whose complaints travel. */
    private static int followers(Random random) {
        double roll = random.nextDouble();
        if (roll < 0.03) {
            return 20_000 + random.nextInt(230_000);
        }
        if (roll < 0.15) {
            return 1_000 + random.nextInt(9_000);
        }
        return 3 + random.nextInt(900);
    }

    private static String uniqueHandle(String first, String last, String second, Random random, Set<String> taken) {
        String a = ascii(first);
        String b = ascii(last);
        String c = ascii(second);
        for (int attempt = 0; ; attempt++) {
            String candidate = switch (random.nextInt(5)) {
                case 0 -> a + "_" + b;
                case 1 -> a + b.charAt(0) + c.charAt(0) + (70 + random.nextInt(36));
                case 2 -> a.charAt(0) + b + random.nextInt(100);
                case 3 -> a + "." + b + "_" + (random.nextInt(9) + 1);
                default -> "the" + a + b.substring(0, Math.min(3, b.length()));
            };
            candidate = candidate.replace(".", "_");
            if (attempt > 3) {
                candidate = candidate + attempt;
            }
            if (candidate.length() > 15) {
                candidate = candidate.substring(0, 15);
            }
            if (taken.add(candidate)) {
                return candidate;
            }
        }
    }

    private static String ascii(String name) {
        String stripped = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }
}
