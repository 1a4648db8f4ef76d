package es.faro.protocol.sla;

import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Picks the policy for a conversation and starts its clocks on the policy's calendar. */
public final class SlaCalculator {
    private final List<SlaPolicy> policies;
    private final Map<String, BusinessCalendar> calendars;

    public SlaCalculator(List<SlaPolicy> policies, Map<String, BusinessCalendar> calendars) {
        this.policies = List.copyOf(policies);
        this.calendars = Map.copyOf(calendars);
    }

    public Optional<SlaPolicy> policyFor(String brandId, Channel channel, Priority priority) {
        return policies.stream().filter(p -> p.matches(brandId, channel, priority)).findFirst();
    }

    public BusinessCalendar calendar(SlaPolicy policy) {
        BusinessCalendar calendar = calendars.get(policy.calendarId());
        return calendar != null ? calendar : BusinessCalendar.twentyFourSeven("24x7");
    }

    /** Starts a clock of the kind at {@code at}, or empty when no policy applies or the target is unset. */
    public Optional<SlaClock> start(SlaClockKind kind, String brandId, Channel channel, Priority priority, Instant at) {
        return policyFor(brandId, channel, priority).flatMap(policy -> {
            Duration target = switch (kind) {
                case FIRST_RESPONSE -> policy.firstResponse();
                case NEXT_RESPONSE -> policy.nextResponse();
                case RESOLUTION -> policy.resolution();
            };
            if (target == null) {
                return Optional.empty();
            }
            return Optional.of(SlaClocks.start(kind, policy, target, calendar(policy), at));
        });
    }
}
