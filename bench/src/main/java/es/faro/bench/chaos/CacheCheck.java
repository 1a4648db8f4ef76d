package es.faro.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.client.cache.OutboxEntry;
import es.faro.client.cache.SqliteCache;
import es.faro.client.cache.ThreadMessage;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Message;
import es.faro.server.support.ApiClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The agent's cache file, after a clean final run that caught up, against the server: the same
 * conversations (every field, version included), the same messages of each in the same order, and
 * nothing left in the outbox (pending or refused). Read through the cache's own reader, as the
 * workstation's views read it.
 */
final class CacheCheck {
    private final List<String> problems = new ArrayList<>();
    private int conversations;
    private int messages;

    List<String> check(Path cacheFile, ApiClient api, String token, EventHistory history) {
        try (SqliteCache cache = SqliteCache.open(cacheFile)) {
            for (OutboxEntry e : cache.outbox()) {
                problems.add("outbox entry left in the cache: " + e.kind() + " " + e.state() + " " + e.payload()
                        + " on " + e.conversationId() + (e.error() != null ? " (" + e.error() + ")" : ""));
            }
            Map<String, Conversation> cached = new LinkedHashMap<>();
            for (Conversation c : cache.allConversations()) {
                cached.put(c.id(), c);
            }
            Set<String> onServer = new TreeSet<>(history.states.keySet());
            for (String id : onServer) {
                Conversation server = Json.convert(get(api, token, "/api/v1/conversations/" + id), Conversation.class);
                Conversation mine = cached.remove(id);
                conversations++;
                if (mine == null) {
                    problems.add("cache lacks conversation " + id);
                    continue;
                }
                if (!mine.equals(server)) {
                    problems.add("cache differs on conversation " + id + ": cache " + mine + " server " + server);
                }
                compareThread(id, cache.thread(id), get(api, token, "/api/v1/conversations/" + id + "/messages"));
            }
            for (String id : cached.keySet()) {
                problems.add("cache holds conversation " + id + " the server's log never showed");
            }
        }
        return problems;
    }

    int conversations() {
        return conversations;
    }

    int messages() {
        return messages;
    }

    private void compareThread(String id, List<ThreadMessage> cached, JsonNode server) {
        List<Message> expected = new ArrayList<>();
        server.forEach(m -> expected.add(Json.convert(m, Message.class)));
        List<Message> mine = cached.stream().map(ThreadMessage::message).toList();
        messages += expected.size();
        if (mine.equals(expected)) {
            return;
        }
        Map<String, Message> byId = new LinkedHashMap<>();
        mine.forEach(m -> byId.put(m.id(), m));
        for (Message m : expected) {
            Message c = byId.remove(m.id());
            if (c == null) {
                problems.add("cache lacks message " + m.id() + " of " + id + " (" + m.body() + ")");
            } else if (!c.equals(m)) {
                problems.add("cache differs on message " + m.id() + " of " + id + ": cache " + c + " server " + m);
            }
        }
        byId.values().forEach(m -> problems.add("cache holds message " + m.id() + " of " + id
                + " the server does not (" + m.body() + ", " + m.delivery() + ")"));
        if (byId.isEmpty() && mine.size() == expected.size()) {
            problems.add("cache orders the messages of " + id + " otherwise: cache "
                    + mine.stream().map(Message::id).toList() + " server " + expected.stream().map(Message::id).toList());
        }
    }

    private static JsonNode get(ApiClient api, String token, String path) {
        ApiClient.Reply r = api.get(path, token);
        if (r.status() != 200) {
            throw new IllegalStateException(path + " → " + r.status() + " " + r.text());
        }
        return r.json();
    }
}
