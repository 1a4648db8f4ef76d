package es.faro.client.metrics;

import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.sla.SlaClock;
import es.faro.protocol.sla.SlaState;
import java.time.Instant;

/**
 * How the client reads a conversation's SLA clocks at an instant. The server pauses clocks while a
 * conversation is PENDING and only moves their instants when the pause ends, so during a pause the
 * stored instants keep "running" on the wire: a PENDING conversation's clocks are read as frozen at
 * its last change ({@code updatedAt}, when the pause began), never later than {@code now}.
 */
public final class SlaView {
    private SlaView() {
    }

    /** The instant a conversation's clocks are read at: {@code now}, or the start of its pause. */
    public static Instant effectiveNow(Conversation c, Instant now) {
        if (c.status() == ConversationStatus.PENDING && c.updatedAt() != null && c.updatedAt().isBefore(now)) {
            return c.updatedAt();
        }
        return now;
    }

    public static boolean paused(Conversation c) {
        return c.status() == ConversationStatus.PENDING;
    }

    /** The state of the clock agents race against (null without one), paused clocks frozen. */
    public static SlaState state(Conversation c, Instant now) {
        return c.slaStateAt(effectiveNow(c, now));
    }

    /** The state of one clock of the conversation, paused clocks frozen. */
    public static SlaState state(Conversation c, SlaClock clock, Instant now) {
        return clock.stateAt(effectiveNow(c, now));
    }

    /** Running, not paused, and in WARNING or BREACHED: what "breaching soon" lists show. */
    public static boolean needsAttention(Conversation c, Instant now) {
        if (c.status() == null || !c.status().isActive() || paused(c)) {
            return false;
        }
        SlaState state = state(c, now);
        return state == SlaState.WARNING || state == SlaState.BREACHED;
    }
}
