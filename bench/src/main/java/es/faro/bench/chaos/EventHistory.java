package es.faro.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.event.EventType;
import es.faro.server.support.ApiClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The server's event log as the agent reads it by cursor ({@code /api/v1/changes}), folded into
 * what the checks need: each message once (at its first event, in log order) and each
 * conversation's states in log order. Seq and version order are checked on the way.
 */
final class EventHistory {
    /** A message at its first event. */
    record StoredMessage(String id, String conversationId, String kind, String body, String channelMessageId,
                         String clientId) {
    }

    /** A conversation's state at one of its events. */
    record State(long seq, long version, String status, Set<String> labels) {
    }

    final List<StoredMessage> messages = new ArrayList<>();
    final Map<String, List<State>> states = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();
    long events;
    long lastSeq;

    static EventHistory read(ApiClient api, String token) {
        EventHistory h = new EventHistory();
        Map<String, Boolean> seen = new HashMap<>();
        long after = 0;
        while (true) {
            ApiClient.Reply page = api.get("/api/v1/changes?after=" + after + "&limit=5000", token);
            if (page.status() != 200) {
                throw new IllegalStateException("/api/v1/changes → " + page.status() + " " + page.text());
            }
            JsonNode events = page.json().path("events");
            if (events.isEmpty()) {
                return h;
            }
            for (JsonNode e : events) {
                h.add(e, seen);
            }
            after = page.json().get("last").asLong();
        }
    }

    private void add(JsonNode e, Map<String, Boolean> seen) {
        events++;
        long seq = e.get("seq").asLong();
        if (seq <= lastSeq) {
            problems.add("event seq " + seq + " after " + lastSeq);
        }
        lastSeq = seq;
        JsonNode data = e.get("data");
        String type = e.get("type").asText();
        if (EventType.MESSAGE.equals(type)) {
            String id = data.get("id").asText();
            // Later events of a message (its delivery state) are the same message, not another one.
            if (seen.putIfAbsent(id, true) == null) {
                messages.add(new StoredMessage(id, data.path("conversationId").asText(), data.path("kind").asText(),
                        data.path("body").asText(), data.path("channelMessageId").asText(null),
                        data.path("clientId").asText(null)));
            }
        } else if (EventType.CONVERSATION.equals(type)) {
            String id = data.get("id").asText();
            Set<String> labels = new TreeSet<>();
            data.path("labels").forEach(l -> labels.add(l.asText()));
            List<State> list = states.computeIfAbsent(id, k -> new ArrayList<>());
            long version = data.get("version").asLong();
            if (!list.isEmpty() && version < list.get(list.size() - 1).version()) {
                problems.add("conversation " + id + " version " + version + " after "
                        + list.get(list.size() - 1).version() + " at seq " + seq);
            }
            list.add(new State(seq, version, data.path("status").asText(), labels));
        }
    }
}
