package es.faro.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import es.faro.protocol.event.Event;
import es.faro.protocol.event.EventType;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.CannedResponse;
import es.faro.protocol.model.ReferenceData;
import es.faro.protocol.model.Role;
import es.faro.protocol.model.Workqueue;

/**
 * Who may see a private item: a personal workqueue view only its owner; a personal canned response
 * its owner and admins (the rule of the canned-response API). Reference snapshots (bootstrap and
 * {@code reference.updated} events) list every item, so each recipient gets them without the
 * private items of others.
 */
public final class PrivateItems {
    private static final String QUEUES = "queues";
    private static final String CANNED = "cannedResponses";

    private PrivateItems() {
    }

    public static boolean mayRead(Agent agent, Workqueue q) {
        return mayReadQueue(agent, q.owner());
    }

    public static boolean mayRead(Agent agent, CannedResponse r) {
        return mayReadCanned(agent, r.ownerId());
    }

    /** The snapshot as {@code agent} may see it. */
    public static ReferenceData forAgent(ReferenceData d, Agent agent) {
        return new ReferenceData(d.brands(), d.channels(),
                d.queues().stream().filter(q -> mayRead(agent, q)).toList(), d.agents(), d.labels(),
                d.cannedResponses().stream().filter(r -> mayRead(agent, r)).toList(), d.slaPolicies(),
                d.calendars());
    }

    /** Whether the event's data lists private items (then it is tailored per recipient). */
    static boolean tailored(Event e) {
        if (!EventType.REFERENCE.equals(e.type()) || e.data() == null) {
            return false;
        }
        return anyOwned(e.data().get(QUEUES), "owner") || anyOwned(e.data().get(CANNED), "ownerId");
    }

    /** The event as {@code agent} receives it (the same event when nothing in it is private). */
    static Event eventFor(Event e, Agent agent) {
        if (!tailored(e) || !(e.data() instanceof ObjectNode data)) {
            return e;
        }
        ObjectNode copy = data.deepCopy();
        filter(copy, QUEUES, "owner", owner -> mayReadQueue(agent, owner));
        filter(copy, CANNED, "ownerId", owner -> mayReadCanned(agent, owner));
        return new Event(e.seq(), e.type(), e.at(), copy);
    }

    private static boolean mayReadQueue(Agent agent, String owner) {
        return owner == null || owner.equals(agent.id());
    }

    private static boolean mayReadCanned(Agent agent, String owner) {
        return owner == null || owner.equals(agent.id()) || agent.hasRole(Role.ADMIN);
    }

    private static boolean anyOwned(JsonNode items, String field) {
        if (items == null || !items.isArray()) {
            return false;
        }
        for (JsonNode item : items) {
            if (owner(item, field) != null) {
                return true;
            }
        }
        return false;
    }

    private static String owner(JsonNode item, String field) {
        JsonNode o = item.get(field);
        return o == null || o.isNull() ? null : o.asText();
    }

    private static void filter(ObjectNode data, String list, String field,
                               java.util.function.Predicate<String> mayRead) {
        JsonNode items = data.get(list);
        if (items == null || !items.isArray()) {
            return;
        }
        ArrayNode kept = data.arrayNode();
        for (JsonNode item : items) {
            if (mayRead.test(owner(item, field))) {
                kept.add(item);
            }
        }
        data.set(list, kept);
    }
}
