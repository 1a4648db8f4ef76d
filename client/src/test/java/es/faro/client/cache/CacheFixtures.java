package es.faro.client.cache;

import es.faro.protocol.event.Event;
import es.faro.protocol.event.EventType;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.DeliveryState;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;
import es.faro.protocol.model.Presence;
import es.faro.protocol.model.Priority;
import es.faro.protocol.model.ReferenceData;
import es.faro.protocol.model.Role;
import es.faro.protocol.model.Workqueue;
import es.faro.protocol.sla.SlaClock;
import es.faro.protocol.sla.SlaClockKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small, realistic wire objects for cache tests (these are protocol records, not stand-ins for our components). */
public final class CacheFixtures {
    public static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    public static final Agent ANA = new Agent("u-ana", "ana", "Ana García", Set.of(Role.AGENT),
            List.of("orange", "jazztel"), List.of(), List.of("es"), 8, Presence.ONLINE);

    private CacheFixtures() {
    }

    public static ReferenceData reference() {
        return new ReferenceData(
                List.of(new Brand("orange", "Orange", "#FF7900", Map.of()), new Brand("jazztel", "Jazztel", "#FFCC00", Map.of())),
                List.of(),
                List.of(new Workqueue("all", "Todas", null, null, null, null, null, null, null, 0)),
                List.of(ANA), List.of(), List.of(), List.of(), List.of());
    }

    public static Conversation conversation(String id, String brand, long version, ConversationStatus status) {
        SlaClock response = new SlaClock(SlaClockKind.FIRST_RESPONSE, T0, T0.plus(Duration.ofHours(2)),
                T0.plus(Duration.ofMinutes(90)), null);
        return new Conversation(id, brand, Channel.TWITTER, "cust-" + id, "Cliente " + id, "@cliente_" + id,
                status, Priority.P3, List.of(), "all", null, "es", "Sin fibra desde ayer", MessageKind.IN, 1,
                T0, T0, T0, response, null, version);
    }

    public static Message inbound(String id, String conversationId, Instant at, String body) {
        return new Message(id, conversationId, MessageKind.IN, "cust-" + conversationId, "Cliente", body, true,
                Channel.TWITTER, "tw-" + id, null, at, DeliveryState.RECEIVED, null);
    }

    public static Event event(long seq, String type, Object data) {
        return new Event(seq, type, T0.plusSeconds(seq), Json.tree(data));
    }

    public static Event conversationEvent(long seq, Conversation c) {
        return event(seq, EventType.CONVERSATION, c);
    }
}
