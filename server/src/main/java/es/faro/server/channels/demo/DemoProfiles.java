package es.faro.server.channels.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The public profiles of the demo customers as a network would give them to a page: the same
 * invented people the demo traffic writes as (same corpus, same seed), by their Facebook id.
 */
public final class DemoProfiles {
    /** A customer's profile: full name and handle. */
    public record Profile(String name, String handle) {
    }

    private final Map<String, Profile> byFacebookId;

    private DemoProfiles(Map<String, Profile> byFacebookId) {
        this.byFacebookId = byFacebookId;
    }

    /** The profiles of the customers of the demo traffic started with {@code seed}. */
    public static DemoProfiles forSeed(long seed) {
        CustomerPool pool = TrafficScript.customerPool(TrafficCorpus.load(), seed);
        Map<String, Profile> map = new HashMap<>();
        for (DemoCustomer c : pool.all()) {
            map.put(c.facebookId(), new Profile(c.name(), c.screenName()));
        }
        return new DemoProfiles(Map.copyOf(map));
    }

    public Optional<Profile> byFacebookId(String id) {
        return Optional.ofNullable(byFacebookId.get(id));
    }
}
