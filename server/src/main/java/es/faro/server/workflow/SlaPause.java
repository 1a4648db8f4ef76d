package es.faro.server.workflow;

import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.sla.SlaCalculator;
import es.faro.protocol.sla.SlaClock;
import es.faro.protocol.sla.SlaClocks;
import es.faro.protocol.sla.SlaEngine;
import es.faro.server.store.Conversations;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * SLA clocks pause while a conversation is PENDING (waiting on the customer): entering PENDING
 * freezes the running clocks ({@code pausedAt}, visible on the wire), leaving it resumes them with
 * the business time they had left ({@link SlaEngine}). {@code pending_since} is still kept: a
 * conversation that went PENDING before clocks carried {@code pausedAt} resumes from it.
 */
public final class SlaPause {
    private SlaPause() {
    }

    /**
     * Applies the start or end of a pause for a status change from {@code before} to {@code after}
     * (already built) and returns {@code after} with its clocks paused or resumed.
     */
    public static Conversation apply(Connection c, SlaCalculator sla, Conversation before, Conversation after,
                                     Instant now) throws SQLException {
        boolean wasPending = before.status() == ConversationStatus.PENDING;
        boolean isPending = after.status() == ConversationStatus.PENDING;
        SlaEngine engine = new SlaEngine(sla);
        if (!wasPending && isPending) {
            Conversations.setPendingSince(c, after.id(), now);
            return engine.pause(after, now);
        }
        if (wasPending && !isPending) {
            Instant since = Conversations.pendingSince(c, after.id());
            Conversations.setPendingSince(c, after.id(), null);
            Conversation paused = since == null ? after : after.toBuilder()
                    .response(legacyPause(after.response(), since))
                    .resolution(legacyPause(after.resolution(), since))
                    .build();
            return engine.resume(paused, now);
        }
        return after;
    }

    /** A clock paused before {@code pausedAt} existed: treat it as paused since the conversation went PENDING. */
    private static SlaClock legacyPause(SlaClock clock, Instant since) {
        if (clock == null || clock.isPaused() || !clock.startedAt().isBefore(since)) {
            return clock;
        }
        return SlaClocks.pause(clock, since);
    }
}
