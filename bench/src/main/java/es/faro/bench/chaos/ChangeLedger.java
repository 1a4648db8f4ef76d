package es.faro.bench.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Every change handed to the headless agent, in the order handed over, and which of them it said
 * were saved. It also makes up the changes: replies and notes with a unique body, status changes
 * (each different from the last one asked for that conversation) and one label added or removed
 * (the opposite of the last one asked for that label there).
 */
final class ChangeLedger {
    static final List<String> STATUSES = List.of("OPEN", "PENDING", "RESOLVED");

    /** One change: {@code kind} is reply, note, status or label; {@code value} the body, status or +id/-id. */
    static final class Change {
        final long serial;
        final String conversationId;
        final String kind;
        final String value;
        volatile boolean acknowledged;

        Change(long serial, String conversationId, String kind, String value) {
            this.serial = serial;
            this.conversationId = conversationId;
            this.kind = kind;
            this.value = value;
        }

        String line() {
            return switch (kind) {
                case "label" -> "labels " + conversationId + " " + value;
                default -> kind + " " + conversationId + " " + value;
            };
        }

        @Override
        public String toString() {
            return "#" + serial + " " + kind + " " + value + " on " + conversationId + (acknowledged ? " (saved)" : "");
        }
    }

    private final List<Change> all = new ArrayList<>();
    private final Map<String, String> lastStatus = new HashMap<>();
    private final Map<String, Boolean> lastLabel = new HashMap<>();
    /** The current agent process's command line numbers (1-based) → change. */
    private final List<Change> currentRun = new ArrayList<>();
    private int savedInRun;
    private final List<String> conversations;
    private final List<String> labels;
    private final Random random;

    ChangeLedger(List<String> conversations, List<String> labels, Random random) {
        this.conversations = List.copyOf(conversations);
        this.labels = List.copyOf(labels);
        this.random = random;
    }

    /** A new agent process: its line numbers start again at 1. */
    synchronized void newRun() {
        currentRun.clear();
        savedInRun = 0;
    }

    /** Makes up the next change and records it as handed over (line number = its place in this run). */
    synchronized Change next() {
        String conversation = conversations.get(random.nextInt(conversations.size()));
        long serial = all.size() + 1;
        int roll = random.nextInt(10);
        Change c;
        if (roll < 4) {
            c = new Change(serial, conversation, "reply", "chaos reply " + serial);
        } else if (roll < 6) {
            c = new Change(serial, conversation, "note", "chaos note " + serial);
        } else if (roll < 8) {
            String before = lastStatus.get(conversation);
            List<String> choices = new ArrayList<>(STATUSES);
            choices.remove(before);
            String status = choices.get(random.nextInt(choices.size()));
            lastStatus.put(conversation, status);
            c = new Change(serial, conversation, "status", status);
        } else {
            String label = labels.get(random.nextInt(labels.size()));
            boolean add = !lastLabel.getOrDefault(conversation + "/" + label, false);
            lastLabel.put(conversation + "/" + label, add);
            c = new Change(serial, conversation, "label", (add ? "+" : "-") + label);
        }
        all.add(c);
        currentRun.add(c);
        return c;
    }

    /** The agent said line {@code n} of the current run is saved. */
    synchronized void saved(int n) {
        if (n >= 1 && n <= currentRun.size()) {
            currentRun.get(n - 1).acknowledged = true;
            savedInRun++;
        }
    }

    /** Changes handed to the current agent process that it has not yet said are saved. */
    synchronized int unsavedInRun() {
        return currentRun.size() - savedInRun;
    }

    synchronized List<Change> all() {
        return List.copyOf(all);
    }

    synchronized int acknowledged() {
        return (int) all.stream().filter(c -> c.acknowledged).count();
    }
}
