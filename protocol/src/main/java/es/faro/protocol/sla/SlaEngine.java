package es.faro.protocol.sla;

import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * SLA rules applied to a conversation (DESIGN.md, "SLA arithmetic"): which clocks start, pause,
 * resume and stop on each event. The server applies them when it changes a conversation; the client
 * can apply the same rules to an optimistic local change.
 */
public final class SlaEngine {
    private final SlaCalculator policies;

    public SlaEngine(SlaCalculator policies) {
        this.policies = policies;
    }

    public SlaCalculator policies() {
        return policies;
    }

    /** The calendar of the policy that applies to the conversation now (24/7 when none applies). */
    public BusinessCalendar calendarOf(Conversation conv) {
        return policies.policyFor(conv.brandId(), conv.channel(), conv.priority())
                .map(policies::calendar)
                .orElse(BusinessCalendar.twentyFourSeven("24x7"));
    }

    /** The target of the clock's kind under the conversation's policy, if any. */
    public Optional<Duration> targetOf(Conversation conv, SlaClockKind kind) {
        return policies.policyFor(conv.brandId(), conv.channel(), conv.priority()).map(p -> target(p, kind));
    }

    /**
     * A customer message at {@code at}: the first one starts the first-response clock; one after an
     * agent reply (the response clock stopped) starts a next-response clock; while a response clock
     * runs nothing changes. Returns the conversation's new response clock.
     */
    public SlaClock onCustomerMessage(Conversation conv, Instant at) {
        SlaClock response = conv.response();
        if (response != null && response.isRunning()) {
            return response;
        }
        SlaClockKind kind = response == null ? SlaClockKind.FIRST_RESPONSE : SlaClockKind.NEXT_RESPONSE;
        return policies.start(kind, conv.brandId(), conv.channel(), conv.priority(), at).orElse(response);
    }

    /** The conversation starts waiting on the customer: its running clocks freeze. */
    public Conversation pause(Conversation conv, Instant at) {
        return conv.toBuilder()
                .response(SlaClocks.pause(conv.response(), at))
                .resolution(SlaClocks.pause(conv.resolution(), at))
                .build();
    }

    /** The wait on the customer ends (the customer wrote, or an agent changed the status): clocks run again. */
    public Conversation resume(Conversation conv, Instant at) {
        BusinessCalendar calendar = calendarOf(conv);
        return conv.toBuilder()
                .response(SlaClocks.resume(conv.response(), calendar, at))
                .resolution(SlaClocks.resume(conv.resolution(), calendar, at))
                .build();
    }

    /** An agent's reply reaches the customer: the running response clock stops. */
    public SlaClock onReply(Conversation conv, Instant at) {
        return SlaClocks.stop(conv.response(), calendarOf(conv), at);
    }

    /** RESOLVED or CLOSED: every running clock ends (a response clock still running ends unanswered). */
    public Conversation onResolved(Conversation conv, Instant at) {
        BusinessCalendar calendar = calendarOf(conv);
        return conv.toBuilder()
                .response(SlaClocks.stop(conv.response(), calendar, at))
                .resolution(SlaClocks.stop(conv.resolution(), calendar, at))
                .build();
    }

    /**
     * A new priority at {@code at} may fall under another policy. A running clock keeps the business
     * time it has already used (pauses excluded) and gets the new policy's target and calendar for
     * the rest; a paused clock stays paused. When the new target is already used up, the clock is
     * due where it would have been from its start under the new policy (never later than {@code at}).
     */
    public SlaClock reprioritized(Conversation conv, SlaClock clock, Priority priority, Instant at) {
        if (clock == null || !clock.isRunning()) {
            return clock;
        }
        Optional<SlaPolicy> next = policies.policyFor(conv.brandId(), conv.channel(), priority);
        Optional<Duration> target = next.map(p -> target(p, clock.kind()));
        if (target.isEmpty() || target.get() == null) {
            return clock;
        }
        SlaPolicy policy = next.get();
        BusinessCalendar calendar = policies.calendar(policy);
        SlaClock fromStart = SlaClocks.start(clock.kind(), policy, target.get(), calendar, clock.startedAt());
        Optional<Duration> before = targetOf(conv, clock.kind());
        if (before.isEmpty()) {
            return clock.isPaused() ? SlaClocks.pause(fromStart, clock.pausedAt()) : fromStart;
        }
        Instant end = clock.isPaused() && clock.pausedAt().isBefore(at) ? clock.pausedAt() : at;
        Duration used = SlaClocks.used(clock, before.get(), calendarOf(conv), end);
        Instant due = reached(calendar, end, target.get(), used, fromStart.dueAt());
        Instant warn = reached(calendar, end, policy.warnAfter(target.get()), used, fromStart.warnAt());
        return new SlaClock(clock.kind(), clock.startedAt(), due, warn, null, clock.isPaused() ? clock.pausedAt() : null);
    }

    private static Duration target(SlaPolicy p, SlaClockKind kind) {
        return switch (kind) {
            case FIRST_RESPONSE -> p.firstResponse();
            case NEXT_RESPONSE -> p.nextResponse();
            case RESOLUTION -> p.resolution();
        };
    }

    /** When {@code amount} of business time is reached, {@code used} of it being spent by {@code end}. */
    private static Instant reached(BusinessCalendar calendar, Instant end, Duration amount, Duration used,
                                   Instant fromStart) {
        if (amount.compareTo(used) > 0) {
            return calendar.plus(end, amount.minus(used));
        }
        return fromStart.isAfter(end) ? end : fromStart;
    }
}
