package es.faro.client.ui.keyboard;

import es.faro.client.ui.canned.CannedPickerView;
import es.faro.client.ui.canned.CannedSearch;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.workstation.ComposerMode;
import es.faro.client.ui.workstation.WorkstationViewModel;
import es.faro.protocol.model.CannedResponse;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;

/**
 * Puts the keyboard layer on the workstation: the {@code /} picker on the composer, the shortcut
 * dispatcher, the Ctrl+K palette, the {@code ?} cheat sheet, the actions that move focus, and the
 * shortcut in each control's tooltip. Install it before the workstation's own key filter, so an open
 * picker gets Esc and Enter first.
 */
public final class WorkstationKeyboard {
    private final CannedPickerView picker;
    private final CommandPaletteView palette;
    private final CheatSheetView cheatSheet;

    private WorkstationKeyboard(CannedPickerView picker, CommandPaletteView palette, CheatSheetView cheatSheet) {
        this.picker = picker;
        this.palette = palette;
        this.cheatSheet = cheatSheet;
    }

    public static WorkstationKeyboard install(WorkstationViewModel vm, I18n i18n, Parent root, ListView<?> list,
                                              TextArea composer, Node queues) {
        CannedPickerView picker = CannedPickerView.install(vm.canned(), composer, i18n);
        root.addEventFilter(KeyEvent.KEY_PRESSED, picker::onKey);
        CommandPaletteView palette = new CommandPaletteView(vm.palette(), root, i18n);
        CheatSheetView cheat = new CheatSheetView(vm.actions(), root, i18n);
        ActionRegistry r = vm.actions();
        var open = vm.thread().conversationProperty().isNotNull();

        r.register(AppAction.of("app/palette", "keys.action.palette", WorkstationActions.GROUP_GENERAL,
                "Shortcut+K", null, vm.palette()::show));
        r.register(AppAction.of("app/cheatsheet", "keys.action.cheatsheet", WorkstationActions.GROUP_GENERAL,
                "?", null, cheat::show));
        r.register(AppAction.of("composer/reply", "keys.action.reply", WorkstationActions.GROUP_COMPOSER, "R", open,
                () -> focusComposer(vm, composer, ComposerMode.REPLY)).withNode("mode-reply").handledElsewhere());
        r.register(AppAction.of("composer/note", "keys.action.note", WorkstationActions.GROUP_COMPOSER, "N", open,
                () -> focusComposer(vm, composer, ComposerMode.NOTE)).withNode("mode-note"));
        r.register(AppAction.of("list/next", "keys.action.next", WorkstationActions.GROUP_NAVIGATION, "J", null,
                () -> step(list, 1)).handledElsewhere());
        r.register(AppAction.of("list/previous", "keys.action.previous", WorkstationActions.GROUP_NAVIGATION, "K",
                null, () -> step(list, -1)).handledElsewhere());
        r.register(AppAction.of("list/open", "keys.action.open", WorkstationActions.GROUP_NAVIGATION, "Enter", null,
                () -> openSelected(vm, list)).handledElsewhere());
        r.register(AppAction.of("nav/queues", "keys.action.queues", WorkstationActions.GROUP_NAVIGATION, "Q", null,
                queues::requestFocus).withNode("queue-list").handledElsewhere());
        r.register(AppAction.of("nav/list", "keys.action.list", WorkstationActions.GROUP_NAVIGATION, "L", null,
                list::requestFocus).handledElsewhere());
        r.register(AppAction.of("nav/back", "keys.action.back", WorkstationActions.GROUP_NAVIGATION, "Esc", null,
                list::requestFocus).handledElsewhere());

        WorkstationActions.addPaletteSources(vm, i18n::get);
        vm.palette().addSource(() -> cannedItems(vm, picker));
        ShortcutDispatcher.install(root, r);
        applyTooltips(root, r, i18n);
        r.actions().addListener((ListChangeListener<AppAction>) c -> applyTooltips(root, r, i18n));
        // Controls of the thread appear with the first conversation: label them as they come.
        Runnable later = () -> javafx.application.Platform.runLater(() -> applyTooltips(root, r, i18n));
        root.sceneProperty().subscribe(scene -> later.run());
        vm.thread().conversationProperty().subscribe(c -> later.run());
        return new WorkstationKeyboard(picker, palette, cheat);
    }

    private static void focusComposer(WorkstationViewModel vm, TextArea composer, ComposerMode mode) {
        WorkstationActions.composerMode(vm, mode);
        if (!composer.isDisabled()) {
            composer.requestFocus();
        }
    }

    private static void step(ListView<?> list, int delta) {
        int size = list.getItems().size();
        if (size == 0) {
            return;
        }
        int current = list.getSelectionModel().getSelectedIndex();
        int next = current < 0 ? 0 : Math.max(0, Math.min(size - 1, current + delta));
        list.getSelectionModel().clearAndSelect(next);
        list.scrollTo(Math.max(0, next - 3));
        list.requestFocus();
    }

    private static void openSelected(WorkstationViewModel vm, ListView<?> list) {
        Object selected = list.getSelectionModel().getSelectedItem();
        if (selected instanceof es.faro.protocol.model.Conversation c) {
            vm.open(c);
        }
    }

    private static List<PaletteItem> cannedItems(WorkstationViewModel vm, CannedPickerView picker) {
        List<PaletteItem> items = new ArrayList<>();
        if (vm.thread().conversationProperty().get() == null) {
            return items;
        }
        for (CannedSearch.Hit hit : vm.canned().matches("")) {
            CannedResponse r = hit.response();
            items.add(new PaletteItem(PaletteItem.Kind.CANNED, r.title(),
                    r.shortcut() == null ? "" : "/" + r.shortcut(), () -> picker.insertAtEnd(r)));
        }
        return items;
    }

    /** "Label (shortcut)" on every control an action names. */
    static void applyTooltips(Parent root, ActionRegistry registry, I18n i18n) {
        for (AppAction a : registry.actions()) {
            if (a.nodeId() == null || a.shortcut() == null) {
                continue;
            }
            Node node = root.lookup("#" + a.nodeId());
            if (node instanceof Control control && (control.getTooltip() == null
                    || !control.getTooltip().getText().endsWith(Shortcuts.display(a.shortcut()) + ")"))) {
                control.setTooltip(new Tooltip(i18n.get("keys.tooltip", i18n.get(a.labelKey()),
                        Shortcuts.display(a.shortcut()))));
            }
        }
    }

    public CommandPaletteView palette() {
        return palette;
    }

    public CheatSheetView cheatSheet() {
        return cheatSheet;
    }

    public CannedPickerView picker() {
        return picker;
    }
}
