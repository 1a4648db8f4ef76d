package es.faro.client.ui.queues;

import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import es.faro.client.ui.workstation.ReferenceIndex;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.Label;
import es.faro.protocol.model.Priority;
import es.faro.protocol.model.Workqueue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * Next (button and Ctrl+N), the bulk-actions menu over the list's multi-selection (Ctrl/Shift-click),
 * the last command's outcome, and the idle watch that makes the agent AWAY.
 */
public final class QueuesBar {
    public static final KeyCombination NEXT = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    private final HBox root;
    private final QueuesViewModel vm;
    private final ListView<Conversation> list;

    private final Supplier<Workqueue> selectedQueue;
    private final Supplier<String> brandFilter;

    public QueuesBar(QueuesViewModel vm, ListView<Conversation> list, Supplier<ReferenceIndex> reference,
                     Supplier<Workqueue> selectedQueue, Supplier<String> brandFilter, SharedClock clock, I18n i18n) {
        this.selectedQueue = selectedQueue;
        this.brandFilter = brandFilter;
        this.vm = vm;
        this.list = list;
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);

        Button next = new Button(i18n.get("queues.next"), new FontIcon(Material2OutlinedMZ.SKIP_NEXT));
        next.setId("queue-next");
        next.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        next.setTooltip(new Tooltip(i18n.get("queues.next.tip")));
        next.disableProperty().bind(vm.busyProperty());
        next.setOnAction(e -> vm.next());

        MenuButton bulk = new MenuButton(i18n.get("queues.bulk"), new FontIcon(Material2OutlinedAL.LIBRARY_ADD_CHECK));
        bulk.setId("bulk-actions");
        bulk.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        bulk.setTooltip(new Tooltip(i18n.get("queues.bulk.tip")));
        bulk.disableProperty().bind(vm.busyProperty());
        bulk.setOnShowing(e -> bulk.getItems().setAll(menu(reference.get(), i18n)));
        bulk.getItems().setAll(menu(reference.get(), i18n));

        javafx.scene.control.Label outcome = new javafx.scene.control.Label();
        outcome.setId("queues-message");
        outcome.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        outcome.textProperty().bind(vm.messageProperty().map(i18n::get).orElse(""));

        root = new HBox(6, outcome, next, bulk);
        root.getStyleClass().add("queues-bar");
        clock.nowProperty().subscribe(vm::tick);
    }

    public Node root() {
        return root;
    }

    /** Ctrl+N anywhere in the window, and every mouse move or key press counts as activity. */
    public void attachTo(Parent windowRoot, SharedClock clock) {
        windowRoot.sceneProperty().subscribe(scene -> {
            if (scene != null) {
                scene.getAccelerators().put(NEXT, vm::next);
            }
        });
        javafx.event.EventHandler<Event> touched = e -> vm.activity(clock.nowProperty().get());
        windowRoot.addEventFilter(KeyEvent.KEY_PRESSED, touched::handle);
        windowRoot.addEventFilter(MouseEvent.MOUSE_MOVED, touched::handle);
        windowRoot.addEventFilter(MouseEvent.MOUSE_PRESSED, touched::handle);
    }

    private List<Conversation> selection() {
        return new ArrayList<>(list.getSelectionModel().getSelectedItems());
    }

    private List<MenuItem> menu(ReferenceIndex reference, I18n i18n) {
        Menu labels = new Menu(i18n.get("queues.bulk.label"));
        labels.setId("bulk-label");
        if (reference != null) {
            for (Label l : reference.labels()) {
                MenuItem item = new MenuItem(l.name());
                item.setId("bulk-label-" + l.id());
                item.setOnAction(e -> vm.addLabel(selection(), l.id()));
                labels.getItems().add(item);
            }
        }
        Menu priority = new Menu(i18n.get("queues.bulk.priority"));
        for (Priority p : Priority.values()) {
            MenuItem item = new MenuItem(i18n.get("priority." + p.name().toLowerCase(Locale.ROOT)));
            item.setOnAction(e -> vm.setPriority(selection(), p));
            priority.getItems().add(item);
        }
        Menu status = new Menu(i18n.get("queues.bulk.status"));
        for (ConversationStatus s : ConversationStatus.values()) {
            MenuItem item = new MenuItem(i18n.get("conversation.status." + s.name().toLowerCase(Locale.ROOT)));
            item.setOnAction(e -> vm.setStatus(selection(), s));
            status.getItems().add(item);
        }
        MenuItem mine = new MenuItem(i18n.get("queues.bulk.assignMe"));
        mine.setOnAction(e -> vm.assign(selection(), vm.me().id()));
        MenuItem unassign = new MenuItem(i18n.get("queues.bulk.unassign"));
        unassign.setOnAction(e -> vm.assign(selection(), null));
        Menu snooze = new Menu(i18n.get("queues.bulk.snooze"));
        MenuItem hour = new MenuItem(i18n.get("queues.snooze.hour"));
        hour.setOnAction(e -> vm.snooze(selection(), Instant.now().plus(Duration.ofHours(1))));
        MenuItem fourHours = new MenuItem(i18n.get("queues.snooze.fourHours"));
        fourHours.setOnAction(e -> vm.snooze(selection(), Instant.now().plus(Duration.ofHours(4))));
        MenuItem tomorrow = new MenuItem(i18n.get("queues.snooze.tomorrow"));
        tomorrow.setOnAction(e -> vm.snooze(selection(), ZonedDateTime.now(ZoneId.systemDefault()).plusDays(1)
                .with(LocalTime.of(9, 0)).toInstant()));
        snooze.getItems().addAll(hour, fourHours, tomorrow);
        MenuItem saveView = new MenuItem(i18n.get("queues.view.save"));
        saveView.setOnAction(e -> {
            TextInputDialog ask = new TextInputDialog();
            ask.setTitle(i18n.get("queues.view.save"));
            ask.setHeaderText(i18n.get("queues.view.prompt"));
            if (root.getScene() != null) {
                ask.initOwner(root.getScene().getWindow());
            }
            ask.showAndWait().ifPresent(name -> vm.saveView(name, selectedQueue.get(), brandFilter.get()));
        });
        MenuItem editView = new MenuItem(i18n.get("queues.view.edit"));
        editView.setId("queue-edit-view");
        editView.setDisable(!vm.ownsView(selectedQueue.get()));
        editView.setOnAction(e -> editView(selectedQueue.get(), reference, i18n));
        return List.of(labels, priority, status, new SeparatorMenuItem(), mine, unassign, new SeparatorMenuItem(), snooze,
                new SeparatorMenuItem(), saveView, editView);
    }

    /** The personal-view editor: the same filter form as the admin's, in a dialog that refuses mistakes in words. */
    private void editView(Workqueue view, ReferenceIndex reference, I18n i18n) {
        if (!vm.ownsView(view) || reference == null) {
            return;
        }
        QueueFilterForm form = new QueueFilterForm();
        form.load(view);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(i18n.get("queues.view.edit"));
        dialog.setHeaderText(i18n.get("queues.filter.editing", view.name()));
        if (root.getScene() != null) {
            dialog.initOwner(root.getScene().getWindow());
        }
        javafx.scene.control.Label problem = new javafx.scene.control.Label();
        problem.setId("view-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        javafx.scene.layout.VBox content = new javafx.scene.layout.VBox(10,
                new QueueFilterEditor(form, reference, i18n, "view-", false).root(), problem);
        content.setPrefWidth(480);
        dialog.getDialogPane().setContent(content);
        ButtonType save = new ButtonType(i18n.get("queues.admin.save"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.get("queues.view.cancel"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(save, cancel);
        Node ok = dialog.getDialogPane().lookupButton(save);
        ok.setId("view-save");
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            vm.updateView(view, form, reference).ifPresent(text -> {
                problem.setText(i18n.get(text));
                e.consume(); // the dialog stays open until the filter is right
            });
        });
        dialog.show();
    }
}
