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
    /** data: {@code {"id"}}: a canned response was deleted. */
    public static final String CANNED_RESPONSE_DELETED = "canned_response.deleted";
    /** data: {@link ReferenceData}: configuration changed, replace it whole. */
    public static final String REFERENCE = "reference.updated";
    /**
     * data: {@code {conversationId, kind, at, brandId, channel}}: a running SLA clock passed its warn
     * instant ({@code at}). Written once per clock (conversation, kind, start).
     */
    public static final String SLA_WARNING = "sla.warning";
    /** data: as {@link #SLA_WARNING}; the clock passed its due instant. */
    public static final String SLA_BREACHED = "sla.breached";
    /** data: as {@link #SLA_WARNING}, {@code at} = when the clock stopped, within its target. */
    public static final String SLA_MET = "sla.met";
    /** data: as {@link #SLA_WARNING}, {@code at} = when the clock stopped, after its due instant. */
    public static final String SLA_MISSED = "sla.missed";

    /** data: {@link es.faro.protocol.model.Workqueue} (created or changed; personal views carry their owner). */
    public static final String WORKQUEUE = "workqueue.updated";
    /** data: {@code {id}}: the workqueue was deleted. */
    public static final String WORKQUEUE_DELETED = "workqueue.deleted";
    /** data: {@link es.faro.protocol.model.Team} (created or changed). */
    public static final String TEAM = "team.updated";
    /** data: {@code {id}}: the team was deleted. */
    public static final String TEAM_DELETED = "team.deleted";
    /**
     * data: {@link es.faro.protocol.community.Moderated}: a moderator approved, rejected, edited,
     * moved or marked as spam a community/forum post, or accepted it as the solution.
     */
    public static final String COMMUNITY_MODERATED = "community.moderated";
    /** data: {@code ConversationPresence}: who is viewing or typing in a conversation (leases with their expiry). */
    public static final String PRESENCE = "presence.updated";
    /** data: {@code CustomerMerge}: two customers' identities were merged into one profile. */
    public static final String CUSTOMER_MERGED = "customer.merged";
    /** data: {@code CustomerMerge}: a merge was undone. */
    public static final String CUSTOMER_UNMERGED = "customer.unmerged";
    /** data: {@code AutomationRule} (created or changed). */
    public static final String RULE_UPSERTED = "automation_rule.upserted";
    /** data: {@code {"id"}}: an automation rule was deleted. */
    public static final String RULE_DELETED = "automation_rule.deleted";
    /** data: {@code {"id","trainedAt"}}: an admin retrained the intent classifier; every node loads it. */
    public static final String CLASSIFIER_TRAINED = "classifier.trained";

    private EventType() {
    }
}
