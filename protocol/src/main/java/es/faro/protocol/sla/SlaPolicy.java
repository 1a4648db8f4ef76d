package es.faro.protocol.sla;

import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Priority;
import java.time.Duration;
import java.util.List;

/**
 * Targets for a set of conversations. Empty brand/channel/priority lists match anything; the first
 * matching policy in configuration order applies, so specific policies come before general ones.
 */
public record SlaPolicy(String id, String name, List<String> brands, List<Channel> channels,
                        List<Priority> priorities, Duration firstResponse, Duration nextResponse,
                        Duration resolution, int warnPercent, String calendarId) {
    public SlaPolicy {
        brands = brands == null ? List.of() : List.copyOf(brands);
        channels = channels == null ? List.of() : List.copyOf(channels);
        priorities = priorities == null ? List.of() : List.copyOf(priorities);
        if (warnPercent <= 0 || warnPercent >= 100) {
            throw new IllegalArgumentException("warnPercent must be between 1 and 99: " + warnPercent);
        }
    }

    public boolean matches(String brandId, Channel channel, Priority priority) {
        return (brands.isEmpty() || brands.contains(brandId))
                && (channels.isEmpty() || channels.contains(channel))
                && (priorities.isEmpty() || priorities.contains(priority));
    }

    /** The part of a target after which a running clock is in WARNING. */
    public Duration warnAfter(Duration target) {
        return target.multipliedBy(warnPercent).dividedBy(100);
    }
}
