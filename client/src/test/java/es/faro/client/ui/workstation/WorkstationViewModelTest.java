package es.faro.client.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.cache.ThreadMessage;
import es.faro.client.ui.TestData;
import es.faro.client.ui.common.SameThreadTaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.event.Event;
import es.faro.protocol.event.EventType;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.MessageKind;
import es.faro.protocol.model.Priority;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkstationViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private final Instant now = Instant.now();
    private final SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    private WorkstationFixture fx;
    private WorkstationViewModel vm;

    @BeforeEach
    void start() {
        fx = new WorkstationFixture(dir, now, tasks);
        vm = fx.vm;
        vm.start();
        tasks.drainUntil(() -> vm.loadedProperty().get(), WAIT);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private Map<String, Integer> counts() {
        return vm.sidebar().queues().stream().collect(Collectors.toMap(q -> q.queue().id(), QueueEntry::count));
    }

    private List<String> rowIds() {
        return vm.list().items().stream().map(Conversation::id).toList();
    }

    private void selectQueue(String id) {
        vm.sidebar().selectQueue(vm.sidebar().queues().stream().filter(q -> q.queue().id().equals(id))
                .findFirst().orElseThrow().queue());
    }

    private Conversation row(String id) {
        return vm.activeConversations().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void searchingFindsCustomersOfTheCacheAndChoosingAQueueEndsTheSearch() {
        vm.search().queryProperty().set("lucia");
        vm.search().submit();
        tasks.drain();
        assertThat(vm.search().conversations()).extracting(Conversation::id).containsExactly("c-breached");

        selectQueue("orange");

        assertThat(vm.search().activeProperty().get()).isFalse();
        assertThat(vm.search().queryProperty().get()).isEmpty();
        assertThat(rowIds()).contains("c-breached");
    }

    @Test
    void sidebarShowsTheVisibleQueuesInOrderWithLiveCounts() {
        assertThat(vm.sidebar().queues()).extracting(q -> q.queue().id())
                .containsExactly("mine", "unassigned", "orange", "jazztel", "urgent");
        assertThat(counts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "mine", 1, "unassigned", 7, "orange", 5, "jazztel", 4, "urgent", 3));
        assertThat(vm.sidebar().brands()).extracting(b -> b.brand().id()).containsExactly("jazztel", "orange");
        assertThat(vm.activeConversations()).extracting(Conversation::id).doesNotContain("c-amena");
        assertThat(vm.sidebar().agentNameProperty().get()).isEqualTo("Ana García");
    }

    @Test
    void queueListsSoonestDueFirstAndConversationsWithoutAClockLast() {
        selectQueue("unassigned");
        assertThat(rowIds()).containsExactly("c-breached", "c-warn", "c-tw", "c-fb", "c-ig", "c-play", "c-store");
    }

    @Test
    void priorityQueueSortsByPriorityThenDue() {
        selectQueue("urgent");
        assertThat(rowIds()).containsExactly("c-breached", "c-warn", "c-mine");
    }

    @Test
    void brandFilterNarrowsTheListAndCountsBrandsInTheSelectedQueue() {
        selectQueue("unassigned");
        Map<String, Integer> perBrand = vm.sidebar().brands().stream()
                .collect(Collectors.toMap(b -> b.brand().id(), BrandEntry::count));
        assertThat(perBrand).containsExactlyInAnyOrderEntriesOf(Map.of("orange", 4, "jazztel", 3));
        vm.sidebar().toggleBrand("jazztel");
        assertThat(rowIds()).containsExactly("c-warn", "c-ig", "c-store");
        vm.sidebar().toggleBrand("jazztel");
        assertThat(rowIds()).hasSize(7);
    }

    @Test
    void openingAConversationLoadsItsThreadOldestFirst() {
        vm.open(row("c-breached"));
        tasks.drain();
        assertThat(vm.thread().conversationProperty().get().id()).isEqualTo("c-breached");
        assertThat(vm.thread().messages()).extracting(m -> m.message().kind())
                .containsExactly(MessageKind.IN, MessageKind.NOTE, MessageKind.OUT, MessageKind.IN);
        assertThat(vm.thread().messages().get(1).message().body()).contains("INC-20931");
    }

    @Test
    void composerCountsCodePointsAgainstTheChannelLimitAndBlocksSendingOverIt() {
        vm.open(row("c-tw"));
        tasks.drain();
        ComposerViewModel composer = vm.thread().composer();
        assertThat(composer.limitProperty().get()).isEqualTo(280);
        composer.textProperty().set("Hola 👋");
        assertThat(composer.lengthProperty().get()).isEqualTo(6);
        assertThat(composer.canSendProperty().get()).isTrue();

        composer.textProperty().set("x".repeat(280));
        assertThat(composer.overLimitProperty().get()).isFalse();
        composer.textProperty().set("x".repeat(281));
        assertThat(composer.overLimitProperty().get()).isTrue();
        assertThat(composer.canSendProperty().get()).isFalse();
        assertThat(composer.send()).isFalse();

        composer.modeProperty().set(ComposerMode.NOTE);
        assertThat(composer.limitProperty().get()).isEqualTo(ComposerViewModel.NOTE_LIMIT);
        assertThat(composer.canSendProperty().get()).isTrue();
    }

    @Test
    void sendingClearsTheComposerOnlyAfterCommitAndThePendingReplyAppearsInTheThread() {
        vm.open(row("c-tw"));
        tasks.drain();
        ComposerViewModel composer = vm.thread().composer();
        composer.textProperty().set("Hola Elena, lo revisamos ahora mismo.");
        assertThat(composer.send()).isTrue();
        assertThat(composer.sendingProperty().get()).isTrue();
        assertThat(composer.textProperty().get()).isNotEmpty();

        tasks.drainUntil(() -> vm.thread().messages().stream().anyMatch(ThreadMessage::pending), WAIT);
        tasks.drainUntil(() -> !composer.sendingProperty().get(), WAIT);
        assertThat(composer.textProperty().get()).isEmpty();
        ThreadMessage last = vm.thread().messages().get(vm.thread().messages().size() - 1);
        assertThat(last.pending()).isTrue();
        assertThat(last.message().kind()).isEqualTo(MessageKind.OUT);
        assertThat(last.message().body()).isEqualTo("Hola Elena, lo revisamos ahora mismo.");
        // The public reply stops the first-response clock: the row no longer races the SLA.
        tasks.drainUntil(() -> row("c-tw").activeClock() == null, WAIT);
    }

    @Test
    void draftsStayWithTheirConversation() {
        ComposerViewModel composer = vm.thread().composer();
        vm.open(row("c-tw"));
        composer.textProperty().set("borrador para Elena");
        vm.open(row("c-fb"));
        assertThat(composer.textProperty().get()).isEmpty();
        vm.open(row("c-tw"));
        assertThat(composer.textProperty().get()).isEqualTo("borrador para Elena");
    }

    @Test
    void claimingMovesTheConversationToMyQueue() {
        vm.open(row("c-warn"));
        tasks.drain();
        assertThat(vm.thread().canClaimProperty().get()).isTrue();
        vm.thread().claim();
        tasks.drainUntil(() -> counts().get("mine") == 2, WAIT);
        assertThat(counts().get("unassigned")).isEqualTo(6);
        assertThat(vm.thread().conversationProperty().get().assigneeId()).isEqualTo(TestData.ANA.id());
        assertThat(vm.thread().canClaimProperty().get()).isFalse();
    }

    @Test
    void aServerChangeUpdatesTheRowReordersAndRecounts() {
        selectQueue("unassigned");
        Conversation store = row("c-store");
        Conversation updated = store.toBuilder().priority(Priority.P1).version(2)
                .response(new es.faro.protocol.sla.SlaClock(es.faro.protocol.sla.SlaClockKind.FIRST_RESPONSE,
                        now, now.plus(Duration.ofMinutes(5)), now, null))
                .build();
        fx.cache.applyEvents(List.of(new Event(43, EventType.CONVERSATION, now, Json.tree(updated))));
        tasks.drainUntil(() -> row("c-store").priority() == Priority.P1, WAIT);
        assertThat(rowIds()).containsExactly("c-breached", "c-store", "c-warn", "c-tw", "c-fb", "c-ig", "c-play");
        assertThat(counts().get("urgent")).isEqualTo(4);
    }

    @Test
    void resolvingRemovesTheConversationFromTheQueuesButKeepsItOpenInTheThread() {
        vm.open(row("c-fb"));
        tasks.drain();
        vm.thread().setStatus(ConversationStatus.RESOLVED);
        tasks.drainUntil(() -> vm.activeConversations().stream().noneMatch(c -> c.id().equals("c-fb")), WAIT);
        assertThat(counts().get("unassigned")).isEqualTo(6);
        assertThat(vm.thread().conversationProperty().get().status()).isEqualTo(ConversationStatus.RESOLVED);
    }

    @Test
    void labelsToggleOnAndOff() {
        vm.open(row("c-fb"));
        tasks.drain();
        vm.thread().toggleLabel("baja");
        tasks.drainUntil(() -> row("c-fb").labels().contains("baja"), WAIT);
        vm.thread().toggleLabel("baja");
        tasks.drainUntil(() -> !row("c-fb").labels().contains("baja"), WAIT);
    }

    @Test
    void statusBarStartsConnecting() {
        assertThat(vm.statusBar().connectionTextProperty().get()).isEqualTo(UiText.of("connection.connecting"));
        assertThat(vm.statusBar().pendingTextProperty().get()).isNull();
    }
}
