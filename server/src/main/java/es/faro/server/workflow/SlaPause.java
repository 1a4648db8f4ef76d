package es.faro.server.workflow;

import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.sla.BusinessCalendar;
import es.faro.protocol.sla.SlaCalculator;
import es.faro.protocol.sla.SlaClock;
import es.faro.server.store.Conversations;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * SLA clocks pause while a conversation is PENDING (waiting on the customer). Clocks are stored as
 * absolute instants, so a pause is applied when it ends: running clocks move their due and warn
 * instants later by the business time that was left at the start of the pause.
 */
public final class SlaPause {
    private SlaPause() {
    }

    /**
     * Records the start or end of a pause for a status change from {@code before} to {@code after}
     * (already built) and returns {@code after} with its clocks moved when a pause ended.
     */
    public static Conversation apply(Connection c, SlaCalculator sla, Conversation before, Conversation after,
                                     Instant now) throws SQLException {
        boolean wasPending = before.status() == ConversationStatus.PENDING;
        boolean isPending = after.status() == ConversationStatus.PENDING;
        if (!wasPending && isPending) {
            Conversations.setPendingSince(c, after.id(), now);
            return after;
        }
        if (wasPending && !isPending) {
            Instant since = Conversations.pendingSince(c, after.id());
            Conversations.setPendingSince(c, after.id(), null);
            if (since != null) {
                return after.toBuilder()
                        .response(resume(sla, after, after.response(), since, now))
                        .resolution(resume(sla, after, after.resolution(), since, now))
                        .build();
            }
        }
        return after;
    }

    private static SlaClock resume(SlaCalculator sla, Conversation conv, SlaClock clock, Instant since, Instant now) {
        if (clock == null || !clock.isRunning() || !now.isAfter(since) || !clock.startedAt().isBefore(since)) {
            return clock;
        }
        BusinessCalendar calendar = sla.policyFor(conv.brandId(), conv.channel(), conv.priority())
                .map(sla::calendar)
                .orElse(BusinessCalendar.twentyFourSeven("24x7"));
        return new SlaClock(clock.kind(), clock.startedAt(), shift(calendar, clock.dueAt(), since, now),
                shift(calendar, clock.warnAt(), since, now), null);
    }

    /** An instant still ahead when the pause began keeps the business time that was left to it. */
    private static Instant shift(BusinessCalendar calendar, Instant target, Instant since, Instant now) {
        if (target == null || !target.isAfter(since)) {
            return target;
        }
        Duration left = calendar.between(since, target);
        return calendar.plus(now, left);
    }
}
