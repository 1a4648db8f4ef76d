package es.faro.client.ui.keyboard;

import es.faro.client.ui.workstation.ComposerMode;
import es.faro.client.ui.workstation.QueueEntry;
import es.faro.client.ui.workstation.WorkstationViewModel;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The workstation's own actions that need no view (conversation workflow, sending), and the
 * palette's sources for actions and queues. Focus moves and windows are added by the views.
 */
public final class WorkstationActions {
    public static final String GROUP_CONVERSATION = "keys.group.conversation";
    public static final String GROUP_COMPOSER = "keys.group.composer";
    public static final String GROUP_NAVIGATION = "keys.group.navigation";
    public static final String GROUP_GENERAL = "keys.group.general";

    private WorkstationActions() {
    }

    public static void register(WorkstationViewModel vm) {
        ActionRegistry r = vm.actions();
        ObservableBooleanValue open = vm.thread().conversationProperty().isNotNull();
        BooleanBinding active = Bindings.createBooleanBinding(() -> {
            Conversation c = vm.thread().conversationProperty().get();
            return c != null && c.status() != null && c.status().isActive();
        }, vm.thread().conversationProperty());
        r.register(AppAction.of("conversation/claim", "keys.action.claim", GROUP_CONVERSATION, "C",
                vm.thread().canClaimProperty(), vm.thread()::claim).withNode("claim-button"));
        r.register(AppAction.of("conversation/resolve", "keys.action.resolve", GROUP_CONVERSATION, "E", active,
                () -> vm.thread().setStatus(ConversationStatus.RESOLVED)).withNode("status-menu"));
        r.register(AppAction.of("conversation/pending", "keys.action.pending", GROUP_CONVERSATION, "P", active,
                () -> vm.thread().setStatus(ConversationStatus.PENDING)));
        r.register(AppAction.of("composer/send", "keys.action.send", GROUP_COMPOSER, "Shortcut+Enter",
                vm.thread().composer().canSendProperty(), vm.thread().composer()::send)
                .withNode("send-button").handledElsewhere());
        r.register(AppAction.of("composer/canned", "keys.action.canned", GROUP_COMPOSER, "/", open, () -> { })
                .handledElsewhere());
    }

    /** Adds the palette's sources for actions and queues, with labels from {@code labels} (bundle key → text). */
    public static void addPaletteSources(WorkstationViewModel vm, Function<String, String> labels) {
        vm.palette().addSource(() -> actionItems(vm, labels));
        vm.palette().addSource(() -> queueItems(vm, labels));
    }

    /** Each enabled action with its label; the shortcut as detail. The palette opens with its own key. */
    static List<PaletteItem> actionItems(WorkstationViewModel vm, Function<String, String> labels) {
        List<PaletteItem> items = new ArrayList<>();
        for (AppAction a : vm.actions().actions()) {
            if (a.isEnabled() && !a.id().equals("app/palette") && !a.id().equals("composer/canned")) {
                items.add(new PaletteItem(PaletteItem.Kind.ACTION, labels.apply(a.labelKey()),
                        Shortcuts.display(a.shortcut()), a.run()));
            }
        }
        return items;
    }

    static List<PaletteItem> queueItems(WorkstationViewModel vm, Function<String, String> labels) {
        List<PaletteItem> items = new ArrayList<>();
        for (QueueEntry q : vm.sidebar().queues()) {
            items.add(new PaletteItem(PaletteItem.Kind.QUEUE,
                    labels.apply("keys.palette.queue") + " " + q.queue().name(), Integer.toString(q.count()),
                    () -> vm.sidebar().selectQueue(q.queue())));
        }
        return items;
    }

    /** Sets the composer to reply or note (the view then focuses it). */
    public static void composerMode(WorkstationViewModel vm, ComposerMode mode) {
        vm.thread().composer().modeProperty().set(mode);
    }
}
