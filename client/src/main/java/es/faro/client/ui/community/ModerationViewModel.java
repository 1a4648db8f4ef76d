package es.faro.client.ui.community;

import es.faro.client.sync.ApiException;
import es.faro.client.sync.CommunityApi;
import es.faro.client.ui.common.TaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.community.CommunityPost;
import es.faro.protocol.community.ModerationKind;
import es.faro.protocol.community.ModerationRequest;
import es.faro.protocol.community.Moderated;
import es.faro.protocol.event.Event;
import es.faro.protocol.event.EventType;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Conversation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The moderation panel of a community or forum thread: its posts with their moderation state, and
 * the moderator's commands on the selected post (approve, reject with a reason, edit, move the
 * thread to another board, mark as spam, accept a member's reply as the solution). Shown only for
 * COMMUNITY and FORUM conversations; every command goes to the server, which records it.
 */
public final class ModerationViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ModerationViewModel.class);

    private final CommunityApi api;
    private final TaskRunner tasks;
    private final ObservableValue<Conversation> conversation;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ObservableList<CommunityPost> posts = FXCollections.observableArrayList();
    private final ObservableList<CommunityPost> postsView = FXCollections.unmodifiableObservableList(posts);
    private final ObjectProperty<CommunityPost> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final StringProperty board = new SimpleStringProperty(this, "board", "");
    private final StringProperty editedText = new SimpleStringProperty(this, "editedText", "");
    private final ReadOnlyObjectWrapper<UiText> message = new ReadOnlyObjectWrapper<>(this, "message");
    private String shownId;
    private long generation;
    private Function<String, String> bodies = id -> null;
    private String prefilledFor;

    public ModerationViewModel(CommunityApi api, ObservableValue<Conversation> conversation, TaskRunner tasks) {
        this.api = api;
        this.tasks = tasks;
        this.conversation = conversation;
        conversation.subscribe(this::onConversation);
        selected.subscribe(p -> prefillIfTargetChanged());
    }

    /**
     * Where the current text of a post is read (message id → body, null when unknown), so the edit
     * field starts from the text of the post the commands act on instead of empty.
     */
    public void useBodies(Function<String, String> bodyOf) {
        this.bodies = bodyOf == null ? id -> null : bodyOf;
        prefill(null);
    }

    // --- state -------------------------------------------------------------------------------

    /** Whether the open conversation is moderated (community or forum). */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableList<CommunityPost> posts() {
        return postsView;
    }

    /** The post the commands act on (the topic when nothing is selected). */
    public ObjectProperty<CommunityPost> selectedProperty() {
        return selected;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public StringProperty boardProperty() {
        return board;
    }

    public StringProperty editedTextProperty() {
        return editedText;
    }

    /** The outcome of the last command or load (done, or what went wrong). */
    public ReadOnlyObjectProperty<UiText> messageProperty() {
        return message.getReadOnlyProperty();
    }

    // --- commands ----------------------------------------------------------------------------

    public void approve() {
        send(ModerationKind.APPROVE, null, null, null);
    }

    public void reject() {
        if (reason.get() == null || reason.get().isBlank()) {
            message.set(UiText.of("community.moderation.reasonRequired"));
            return;
        }
        send(ModerationKind.REJECT, reason.get().strip(), null, null);
    }

    public void markSpam() {
        send(ModerationKind.SPAM, blankToNull(reason.get()), null, null);
    }

    public void acceptSolution() {
        send(ModerationKind.ACCEPT_SOLUTION, null, null, null);
    }

    public void move() {
        if (board.get() == null || board.get().isBlank()) {
            message.set(UiText.of("community.moderation.boardRequired"));
            return;
        }
        send(ModerationKind.MOVE, blankToNull(reason.get()), null, board.get().strip());
    }

    public void edit() {
        if (editedText.get() == null || editedText.get().isBlank()) {
            message.set(UiText.of("community.moderation.textRequired"));
            return;
        }
        send(ModerationKind.EDIT, blankToNull(reason.get()), editedText.get().strip(), null);
    }

    /** Reads the thread's posts again from the server. */
    public void reload() {
        Conversation c = conversation.getValue();
        if (c == null || !moderated(c.channel())) {
            return;
        }
        long gen = ++generation;
        String id = c.id();
        tasks.run(() -> api.posts(id), list -> {
            if (gen == generation) {
                show(list);
            }
        }, error -> {
            LOG.warn("reading the posts of {} failed: {}", id, error.toString());
            message.set(UiText.of("community.moderation.loadFailed"));
        });
    }

    /**
     * Events received by the sync engine (any thread): a moderation of the thread on show, by a
     * colleague or by this workstation, updates its posts in place without reading them again.
     */
    public void onEvents(List<Event> events) {
        List<Moderated> moderated = new ArrayList<>();
        for (Event e : events) {
            if (EventType.COMMUNITY_MODERATED.equals(e.type()) && e.data() != null) {
                try {
                    moderated.add(Json.convert(e.data(), Moderated.class));
                } catch (RuntimeException bad) {
                    LOG.warn("unreadable {} event {}: {}", e.type(), e.seq(), bad.toString());
                }
            }
        }
        if (!moderated.isEmpty()) {
            tasks.runOnUi(() -> {
                for (Moderated m : moderated) {
                    if (m.action() != null && m.action().conversationId().equals(shownId)) {
                        merge(m.posts());
                    }
                }
            });
        }
    }

    // --- internals ---------------------------------------------------------------------------

    static boolean moderated(Channel channel) {
        return channel == Channel.COMMUNITY || channel == Channel.FORUM;
    }

    private void onConversation(Conversation c) {
        boolean isModerated = c != null && moderated(c.channel());
        active.set(isModerated);
        if (!isModerated) {
            shownId = null;
            posts.clear();
            selected.set(null);
            return;
        }
        if (!c.id().equals(shownId)) {
            shownId = c.id();
            posts.clear();
            selected.set(null);
            message.set(null);
        }
        reload();
    }

    private void show(List<CommunityPost> list) {
        String keep = selected.get() == null ? null : selected.get().messageId();
        posts.setAll(list);
        selected.set(list.stream().filter(p -> p.messageId().equals(keep)).findFirst().orElse(null));
        prefillIfTargetChanged();
    }

    private CommunityPost target() {
        return selected.get() != null ? selected.get() : posts.isEmpty() ? null : posts.get(0);
    }

    /** A reload of the same thread must not wipe what the moderator is typing: only a new target refills. */
    private void prefillIfTargetChanged() {
        CommunityPost target = target();
        if (!Objects.equals(target == null ? null : target.messageId(), prefilledFor)) {
            prefill(null);
        }
    }

    /** The edit field shows {@code body}, or else the current text of the target post (selected, or the topic). */
    private void prefill(String body) {
        CommunityPost target = target();
        String text = body != null ? body : target == null ? null : bodies.apply(target.messageId());
        editedText.set(text == null ? "" : text);
        // Unknown text (the thread not read yet): try again when the target is next looked at.
        prefilledFor = target == null || text == null ? null : target.messageId();
    }

    private void send(ModerationKind kind, String why, String body, String toBoard) {
        Conversation c = conversation.getValue();
        if (c == null || !active.get() || busy.get()) {
            return;
        }
        CommunityPost target = selected.get();
        ModerationRequest request = new ModerationRequest(kind.wireName(), target == null ? null : target.messageId(),
                why, body, toBoard);
        busy.set(true);
        String id = c.id();
        tasks.run(() -> api.moderate(id, request), (Moderated done) -> {
            busy.set(false);
            reason.set("");
            board.set("");
            message.set(UiText.of("community.moderation.done." + kind.wireName()));
            if (id.equals(shownId)) {
                merge(done.posts());
            }
            // The edited text is the post's text now (the thread's copy follows with the server's event).
            prefill(kind == ModerationKind.EDIT ? body : null);
        }, error -> {
            busy.set(false);
            LOG.info("moderation {} on {} refused: {}", kind.wireName(), id, error.toString());
            message.set(error instanceof ApiException api && api.error() != null && api.error().error() != null
                    ? UiText.of("community.moderation.refused", api.error().error().message())
                    : UiText.of("community.moderation.failed"));
        });
    }

    private void merge(List<CommunityPost> changed) {
        String keep = selected.get() == null ? null : selected.get().messageId();
        for (CommunityPost p : changed) {
            for (int i = 0; i < posts.size(); i++) {
                if (posts.get(i).messageId().equals(p.messageId())) {
                    posts.set(i, p);
                }
            }
        }
        selected.set(posts.stream().filter(p -> p.messageId().equals(keep)).findFirst().orElse(null));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
