package es.faro.bench.chaos;

import es.faro.bench.chaos.ChangeLedger.Change;
import es.faro.bench.chaos.EventHistory.State;
import es.faro.bench.chaos.EventHistory.StoredMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the agent was told against what the server holds, change by change. Messages: each saved
 * one exactly once, each unsaved one at most once (it may have been committed just before the kill),
 * and per conversation in the order they were written. Status and labels: the saved values appear
 * along the conversation's history in the order they were asked for, and the final value is the last
 * saved one (or a later change that was committed but not yet reported). Webhooks: each acknowledged
 * tweet exactly once, and no message nobody sent.
 */
final class LedgerCheck {
    private final List<String> problems = new ArrayList<>();

    List<String> check(List<Change> changes, Map<String, Boolean> tweets, EventHistory history) {
        checkMessages(changes, history);
        for (Map.Entry<String, List<Change>> e : byConversation(changes).entrySet()) {
            List<State> states = history.states.getOrDefault(e.getKey(), List.of());
            checkField(e.getKey(), "status", e.getValue(), c -> c.kind.equals("status") ? c.value : null,
                    states, State::status);
            for (String label : labelsOf(e.getValue())) {
                checkField(e.getKey(), "label " + label, e.getValue(),
                        c -> c.kind.equals("label") && c.value.substring(1).equals(label)
                                ? Boolean.toString(c.value.startsWith("+")) : null,
                        states, s -> Boolean.toString(s.labels().contains(label)));
            }
        }
        checkWebhooks(tweets, history);
        return problems;
    }

    private void checkMessages(List<Change> changes, EventHistory history) {
        Map<String, Change> byBody = new HashMap<>();
        for (Change c : changes) {
            if (c.kind.equals("reply") || c.kind.equals("note")) {
                byBody.put(c.value, c);
            }
        }
        Map<String, List<StoredMessage>> stored = new HashMap<>();
        for (StoredMessage m : history.messages) {
            if (byBody.containsKey(m.body())) {
                stored.computeIfAbsent(m.body(), k -> new ArrayList<>()).add(m);
            }
        }
        for (Change c : byBody.values()) {
            List<StoredMessage> copies = stored.getOrDefault(c.value, List.of());
            if (c.acknowledged && copies.isEmpty()) {
                problems.add("lost: " + c);
            } else if (copies.size() > 1) {
                problems.add("duplicated " + copies.size() + " times: " + c);
            }
            for (StoredMessage m : copies) {
                String kind = c.kind.equals("reply") ? "OUT" : "NOTE";
                if (!m.kind().equals(kind) || !m.conversationId().equals(c.conversationId)) {
                    problems.add("stored as " + m.kind() + " in " + m.conversationId() + ": " + c);
                }
            }
        }
        // Order: along the log, each conversation's messages from the agent follow the order written.
        Map<String, Long> lastSerial = new HashMap<>();
        for (StoredMessage m : history.messages) {
            Change c = byBody.get(m.body());
            if (c == null) {
                continue;
            }
            Long before = lastSerial.put(m.conversationId(), c.serial);
            if (before != null && before > c.serial) {
                problems.add("reordered: " + c + " stored after #" + before);
            }
        }
    }

    /**
     * One field of one conversation: the saved values (consecutive repeats folded) must be a
     * subsequence of the values along its history, and its final value the last saved one or a later one.
     */
    private void checkField(String conversation, String field, List<Change> changes, Function<Change, String> valueOf,
                            List<State> states, Function<State, String> observed) {
        List<String> saved = new ArrayList<>();
        List<String> acceptableFinal = new ArrayList<>();
        for (Change c : changes) {
            String v = valueOf.apply(c);
            if (v == null) {
                continue;
            }
            if (c.acknowledged) {
                if (saved.isEmpty() || !saved.get(saved.size() - 1).equals(v)) {
                    saved.add(v);
                }
                acceptableFinal.clear();
            }
            acceptableFinal.add(v);
        }
        if (saved.isEmpty()) {
            return;
        }
        List<String> timeline = new ArrayList<>();
        for (State s : states) {
            String v = observed.apply(s);
            if (timeline.isEmpty() || !timeline.get(timeline.size() - 1).equals(v)) {
                timeline.add(v);
            }
        }
        int i = 0;
        for (String v : timeline) {
            if (i < saved.size() && saved.get(i).equals(v)) {
                i++;
            }
        }
        if (i < saved.size()) {
            problems.add(conversation + " " + field + ": saved " + saved + " not in order along its history " + timeline);
        }
        String last = timeline.isEmpty() ? null : timeline.get(timeline.size() - 1);
        if (!acceptableFinal.contains(Objects.toString(last))) {
            problems.add(conversation + " " + field + ": ends " + last + ", the agent last saved " + acceptableFinal.get(0));
        }
    }

    private void checkWebhooks(Map<String, Boolean> tweets, EventHistory history) {
        Map<String, Integer> inbound = new HashMap<>();
        for (StoredMessage m : history.messages) {
            if ("IN".equals(m.kind()) && m.channelMessageId() != null) {
                inbound.merge(m.channelMessageId(), 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Boolean> t : tweets.entrySet()) {
            int n = inbound.getOrDefault(t.getKey(), 0);
            if (t.getValue() ? n != 1 : n > 1) {
                problems.add("webhook " + t.getKey() + (t.getValue() ? " (acknowledged)" : "") + " stored " + n + " times");
            }
        }
        for (String id : inbound.keySet()) {
            if (!tweets.containsKey(id)) {
                problems.add("inbound message " + id + " that nobody sent");
            }
        }
    }

    private static Map<String, List<Change>> byConversation(List<Change> changes) {
        Map<String, List<Change>> result = new LinkedHashMap<>();
        for (Change c : changes) {
            result.computeIfAbsent(c.conversationId, k -> new ArrayList<>()).add(c);
        }
        return result;
    }

    private static List<String> labelsOf(List<Change> changes) {
        return changes.stream().filter(c -> c.kind.equals("label")).map(c -> c.value.substring(1)).distinct().toList();
    }
}
