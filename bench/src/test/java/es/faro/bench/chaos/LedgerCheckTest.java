package es.faro.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.bench.chaos.ChangeLedger.Change;
import es.faro.bench.chaos.EventHistory.State;
import es.faro.bench.chaos.EventHistory.StoredMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The chaos checker itself: each kind of damage it is there to find (a saved change lost, stored
 * twice, stored out of order, a saved status missing from the history, a webhook lost or doubled, an
 * inbound message nobody sent) is reported, and a clean history passes.
 */
class LedgerCheckTest {
    private final List<Change> changes = new ArrayList<>();
    private final EventHistory history = new EventHistory();
    private long seq;

    private Change change(String kind, String value, boolean saved) {
        Change c = new Change(changes.size() + 1, "c-1", kind, value);
        c.acknowledged = saved;
        changes.add(c);
        return c;
    }

    private void stored(String kind, String body) {
        history.messages.add(new StoredMessage("m-" + (++seq), "c-1", kind, body, null, "k-" + seq));
    }

    private void state(String status, String... labels) {
        seq++;
        history.states.computeIfAbsent("c-1", k -> new ArrayList<>()).add(new State(seq, seq, status, Set.of(labels)));
    }

    private List<String> check(Map<String, Boolean> tweets) {
        return new LedgerCheck().check(changes, tweets, history);
    }

    @Test
    void aCleanHistoryPasses() {
        change("reply", "r1", true);
        change("status", "PENDING", true);
        change("note", "n2", false); // never committed before the kill: allowed to be missing
        change("label", "+fibra", true);
        stored("OUT", "r1");
        state("OPEN");
        state("PENDING");
        state("PENDING", "fibra");
        assertThat(check(Map.of())).isEmpty();
    }

    @Test
    void lostDuplicatedAndReorderedMessagesAreReported() {
        change("reply", "r1", true);
        change("note", "n2", true);
        change("reply", "r3", true);
        change("note", "n4", false);
        stored("NOTE", "n2");
        stored("OUT", "r1");
        stored("NOTE", "n4");
        stored("NOTE", "n4");
        assertThat(check(Map.of())).anyMatch(p -> p.startsWith("lost:") && p.contains("r3"))
                .anyMatch(p -> p.startsWith("reordered:") && p.contains("r1"))
                .anyMatch(p -> p.startsWith("duplicated 2 times:") && p.contains("n4"));
    }

    @Test
    void aSavedStatusMissingFromTheHistoryOrNotLastIsReported() {
        change("status", "PENDING", true);
        change("status", "RESOLVED", true);
        change("status", "OPEN", true);
        state("NEW");
        state("PENDING");
        state("OPEN");
        state("RESOLVED");
        assertThat(check(Map.of())).anyMatch(p -> p.contains("status: saved [PENDING, RESOLVED, OPEN] not in order"))
                .anyMatch(p -> p.contains("status: ends RESOLVED, the agent last saved OPEN"));
    }

    @Test
    void aLabelChangeCommittedButNotReportedMayEndTheHistory() {
        change("label", "+fibra", true);
        change("label", "-fibra", false);
        state("OPEN", "fibra");
        state("OPEN");
        assertThat(check(Map.of())).isEmpty();
    }

    @Test
    void webhooksLostDoubledOrUnknownAreReported() {
        history.messages.add(new StoredMessage("m-1", "c-2", "IN", "hola", "tw-1", null));
        history.messages.add(new StoredMessage("m-2", "c-2", "IN", "hola", "tw-1", null));
        history.messages.add(new StoredMessage("m-3", "c-2", "IN", "quién", "tw-9", null));
        assertThat(check(Map.of("tw-1", true, "tw-2", true)))
                .contains("webhook tw-1 (acknowledged) stored 2 times", "webhook tw-2 (acknowledged) stored 0 times",
                        "inbound message tw-9 that nobody sent");
    }
}
