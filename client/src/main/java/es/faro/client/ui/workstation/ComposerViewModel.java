package es.faro.client.ui.workstation;

import es.faro.client.sync.AgentCommands;
import es.faro.client.ui.common.TaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.model.Conversation;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reply box: text, reply-or-note, a live count of Unicode code points against the channel's
 * limit, and send. The text is cleared only once the command's future completes (the reply is then
 * safely in the outbox); on failure it stays so nothing the agent wrote is lost. Drafts are kept per
 * conversation while the agent switches around.
 */
public final class ComposerViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ComposerViewModel.class);
    /** Notes never leave Faro; they get the longest limit any channel allows. */
    static final int NOTE_LIMIT = 20_000;

    private final AgentCommands commands;
    private final TaskRunner tasks;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<ComposerMode> mode = new SimpleObjectProperty<>(this, "mode", ComposerMode.REPLY);
    private final ReadOnlyObjectWrapper<Conversation> conversation = new ReadOnlyObjectWrapper<>(this, "conversation");
    private final ReadOnlyBooleanWrapper publicReply = new ReadOnlyBooleanWrapper(this, "publicReply", true);
    private final ReadOnlyIntegerWrapper length = new ReadOnlyIntegerWrapper(this, "length");
    private final ReadOnlyIntegerWrapper limit = new ReadOnlyIntegerWrapper(this, "limit");
    private final ReadOnlyBooleanWrapper overLimit = new ReadOnlyBooleanWrapper(this, "overLimit");
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(this, "sending");
    private final ReadOnlyObjectWrapper<UiText> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final BooleanBinding canSend;
    // --- collision guard (issue 4) ---
    private final ReadOnlyObjectWrapper<java.util.List<es.faro.protocol.model.Message>> collision =
            new ReadOnlyObjectWrapper<>(this, "collision");
    private javafx.collections.ObservableList<es.faro.client.cache.ThreadMessage> thread =
            javafx.collections.FXCollections.emptyObservableList();
    private String myId;
    /** The newest server message of the open thread the agent had seen when they began this reply. */
    private String seenMessageId;
    private String seenFor;
    private boolean forceNext;
    private final Map<String, String> drafts = new HashMap<>();
    private DraftStore store;
    /** True while show() swaps the text: that is not the agent typing. */
    private boolean switching;

    ComposerViewModel(AgentCommands commands, TaskRunner tasks) {
        this.commands = commands;
        this.tasks = tasks;
        length.bind(Bindings.createIntegerBinding(() -> codePoints(text.get()), text));
        limit.bind(Bindings.createIntegerBinding(this::currentLimit, conversation, mode, publicReply));
        overLimit.bind(length.greaterThan(limit));
        canSend = Bindings.createBooleanBinding(
                () -> conversation.get() != null && !text.get().isBlank() && !overLimit.get() && !sending.get()
                        && collision.get() == null,
                conversation, text, overLimit, sending, collision);
    }

    /**
     * Persists drafts from now on and takes back those saved last time (a restart, or a new
     * sign-in on the same cache). Call before the first conversation opens.
     */
    public void useDraftStore(DraftStore draftStore, Map<String, String> saved) {
        this.store = draftStore;
        saved.forEach(drafts::putIfAbsent);
        text.addListener((o, was, now) -> {
            Conversation c = conversation.get();
            if (!switching && c != null && store != null) {
                store.save(c.id(), now);
            }
        });
    }

    static int codePoints(String s) {
        return s == null ? 0 : s.codePointCount(0, s.length());
    }

    private int currentLimit() {
        Conversation c = conversation.get();
        if (mode.get() == ComposerMode.NOTE) {
            return NOTE_LIMIT;
        }
        return c == null ? 0 : c.channel().replyLimit(publicReply.get());
    }

    // --- state -------------------------------------------------------------------------------

    /** Bound both ways to the text area. */
    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<ComposerMode> modeProperty() {
        return mode;
    }

    /** Whether a reply goes out publicly (it follows the customer: a public post gets a public reply). */
    public ReadOnlyBooleanProperty publicReplyProperty() {
        return publicReply.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty lengthProperty() {
        return length.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty limitProperty() {
        return limit.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty overLimitProperty() {
        return overLimit.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    public ObservableBooleanValue canSendProperty() {
        return canSend;
    }

    public ReadOnlyObjectProperty<UiText> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Conversation> conversationProperty() {
        return conversation.getReadOnlyProperty();
    }

    // --- commands ----------------------------------------------------------------------------

    /** Sends what is typed; returns false when there is nothing sendable. */
    public boolean send() {
        if (!canSend.get()) {
            return false;
        }
        Conversation target = conversation.get();
        String body = text.get();
        ComposerMode sentMode = mode.get();
        if (sentMode == ComposerMode.REPLY && !forceNext) {
            java.util.List<es.faro.protocol.model.Message> missed = othersRepliesSinceSeen();
            if (!missed.isEmpty()) {
                collision.set(missed); // the agent decides: send anyway, discard or edit
                return true;
            }
        }
        CompletableFuture<Void> future;
        try {
            future = sentMode == ComposerMode.NOTE
                    ? commands.note(target.id(), body)
                    : commands.reply(target.id(), body, publicReply.get(), seenMessageId, forceNext, target.brandId());
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        sending.set(true);
        error.set(null);
        tasks.await(future, ignored -> sent(target.id(), body), e -> failed(sentMode, e));
        return true;
    }

    private void sent(String conversationId, String body) {
        sending.set(false);
        if (conversationId.equals(seenFor)) {
            seenMessageId = latestServerMessageId();
        }
        Conversation current = conversation.get();
        if (current != null && current.id().equals(conversationId)) {
            if (text.get().equals(body)) {
                text.set("");
            }
        } else if (body.equals(drafts.get(conversationId))) {
            drafts.remove(conversationId);
            if (store != null) {
                store.save(conversationId, "");
            }
        }
    }

    private void failed(ComposerMode sentMode, Throwable e) {
        sending.set(false);
        LOG.warn("sending a {} failed", sentMode, e);
        error.set(ErrorTexts.forCommand(sentMode == ComposerMode.NOTE ? "action.note" : "action.reply", e));
    }

    public void dismissError() {
        error.set(null);
    }

    // --- fed by the thread -------------------------------------------------------------------

    /** Switches to another conversation, keeping the draft of the one left behind. */
    void show(Conversation next) {
        Conversation previous = conversation.get();
        if (previous != null && next != null && previous.id().equals(next.id())) {
            conversation.set(next);
            return;
        }
        if (previous != null) {
            if (text.get().isBlank()) {
                drafts.remove(previous.id());
            } else {
                drafts.put(previous.id(), text.get());
            }
        }
        error.set(null);
        collision.set(null);
        seenMessageId = null;
        seenFor = null;
        mode.set(ComposerMode.REPLY);
        conversation.set(next);
        publicReply.set(next == null || next.channel().publicByDefault());
        switching = true;
        try {
            text.set(next == null ? "" : drafts.getOrDefault(next.id(), ""));
        } finally {
            switching = false;
        }
    }

    void setPublicReply(boolean value) {
        publicReply.set(value);
    }

    // --- collision guard ---------------------------------------------------------------------

    /**
     * Follows the open thread: the first time it shows a conversation, and whenever it changes while
     * the agent has not started a reply, what it shows counts as seen.
     */
    void watchThread(javafx.collections.ObservableList<es.faro.client.cache.ThreadMessage> messages, String me) {
        this.thread = messages;
        this.myId = me;
        messages.addListener((javafx.collections.ListChangeListener<es.faro.client.cache.ThreadMessage>) change -> {
            Conversation c = conversation.get();
            if (c == null || messages.isEmpty()) {
                return;
            }
            if (!c.id().equals(seenFor) || (text.get().isBlank() && collision.get() == null)) {
                seenFor = c.id();
                seenMessageId = latestServerMessageId();
            }
        });
    }

    /** Other agents' replies the agent had not seen when they began writing (non-null: the agent must choose). */
    public ReadOnlyObjectProperty<java.util.List<es.faro.protocol.model.Message>> collisionProperty() {
        return collision.getReadOnlyProperty();
    }

    /** The newest message id the reply will say the agent saw (null before the thread is shown). */
    public String seenMessageId() {
        return seenMessageId;
    }

    /** "Send anyway": sends the reply as written; the server is told so and does not refuse it. */
    public boolean sendAnyway() {
        collision.set(null);
        forceNext = true;
        try {
            return send();
        } finally {
            forceNext = false;
        }
    }

    /** "Discard": drops the reply. */
    public void discardReply() {
        collision.set(null);
        text.set("");
    }

    /** "Edit": keeps the text to rework it, now having seen the other replies. */
    public void editReply() {
        collision.set(null);
        seenMessageId = latestServerMessageId();
    }

    private String latestServerMessageId() {
        for (int i = thread.size() - 1; i >= 0; i--) {
            es.faro.client.cache.ThreadMessage t = thread.get(i);
            if (!t.pending() && t.failedReason() == null && !t.message().id().startsWith("local-")) {
                return t.message().id();
            }
        }
        return null;
    }

    private java.util.List<es.faro.protocol.model.Message> othersRepliesSinceSeen() {
        if (seenMessageId == null) {
            return java.util.List.of();
        }
        java.util.List<es.faro.protocol.model.Message> missed = new java.util.ArrayList<>();
        boolean after = false;
        for (es.faro.client.cache.ThreadMessage t : thread) {
            es.faro.protocol.model.Message m = t.message();
            if (after && m.kind() == es.faro.protocol.model.MessageKind.OUT && !m.authorId().equals(myId)
                    && !t.pending()) {
                missed.add(m);
            }
            if (m.id().equals(seenMessageId)) {
                after = true;
            }
        }
        return after ? missed : java.util.List.of();
    }
}
