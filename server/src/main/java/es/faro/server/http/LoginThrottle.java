package es.faro.server.http;

import es.faro.protocol.api.ErrorCodes;
import es.faro.server.store.LoginFailures;
import es.faro.server.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Login rate limiting per username and per client address: after {@code maxFailures} failures within
 * {@code window} further attempts get 429 until the oldest failure leaves the window. Failures live in
 * the database, so the limit holds across all nodes (a guesser spread over the balancer gains nothing).
 */
public final class LoginThrottle {
    private final Store store;
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;

    public LoginThrottle(Store store, int maxFailures, Duration window, Clock clock) {
        this.store = store;
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** Refused with 429 (and the seconds to wait) when the username or the address is locked out. */
    public static final class RateLimited extends ApiException {
        private final long retryAfterSeconds;

        RateLimited(long retryAfterSeconds) {
            super(429, ErrorCodes.RATE_LIMITED, "too many failed logins; try again in " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    public void check(String username, String address) {
        Instant now = clock.instant();
        Instant since = now.minus(window);
        long wait = 0;
        for (String key : keys(username, address)) {
            LoginFailures.Window w = store.read(c -> LoginFailures.since(c, key, since));
            if (w.count() >= maxFailures && w.oldest().isPresent()) {
                long seconds = Duration.between(now, w.oldest().get().plus(window)).toSeconds() + 1;
                wait = Math.max(wait, seconds);
            }
        }
        if (wait > 0) {
            throw new RateLimited(wait);
        }
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        List<String> keys = keys(username, address);
        store.write(c -> {
            for (String key : keys) {
                LoginFailures.record(c, key, now);
            }
            LoginFailures.purge(c, now.minus(window));
            return null;
        }).join();
    }

    public void succeeded(String username) {
        String key = userKey(username);
        store.write(c -> {
            LoginFailures.clear(c, key);
            return null;
        }).join();
    }

    private static List<String> keys(String username, String address) {
        List<String> keys = new ArrayList<>(2);
        keys.add(userKey(username));
        if (address != null && !address.isBlank()) {
            keys.add("addr:" + address);
        }
        return keys;
    }

    private static String userKey(String username) {
        return "user:" + username.toLowerCase(Locale.ROOT);
    }
}
