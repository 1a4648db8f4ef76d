package es.faro.protocol.event;

import es.faro.protocol.model.Agent;
import es.faro.protocol.model.CannedResponse;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.ReferenceData;

/** Event type names and the payload each carries. */
public final class EventType {
    /** data: {@link Conversation} (its whole new state). */
    public static final String CONVERSATION = "conversation.updated";
    /** data: {@link Message} (created or changed, e.g. delivery state). */
    public static final String MESSAGE = "message.upserted";
    /** data: {@link Agent} (presence, skills). */
    public static final String AGENT = "agent.updated";
    /** data: {@link CannedResponse}. */
    public static final String CANNED_RESPONSE = "canned_response.upserted";
    /** data: {@link ReferenceData}: configuration changed, replace it whole. */
    public static final String REFERENCE = "reference.updated";

    private EventType() {
    }
}
