package es.faro.client.ui.workstation;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import es.faro.protocol.model.Conversation;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import atlantafx.base.controls.Spacer;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The middle column: the queue as a virtualized list. j/k or the arrows move the cursor, Enter or a
 * click opens. The cursor survives rows being replaced or re-sorted by live updates.
 */
final class ConversationListView {
    private final WorkstationViewModel vm;
    private final ListView<Conversation> list;
    private final VBox root;
    private String cursorId;

    ConversationListView(WorkstationViewModel vm, SharedClock clock, I18n i18n) {
        this.vm = vm;
        list = new ListView<>(vm.list().items());
        list.setId("conversation-list");
        list.getStyleClass().addAll("conversation-list", Tweaks.EDGE_TO_EDGE);
        list.setFixedCellSize(ConversationCell.HEIGHT);
        list.setCellFactory(l -> new ConversationCell(() -> vm.referenceProperty().get(), i18n, clock));
        Label empty = new Label(i18n.get("list.empty"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        list.setPlaceholder(empty);
        list.accessibleTextProperty().bind(vm.sidebar().selectedQueueProperty()
                .map(q -> i18n.get("a11y.conversations", q.name())).orElse(i18n.get("a11y.conversations.none")));
        VBox.setVgrow(list, Priority.ALWAYS);

        list.getSelectionModel().selectedItemProperty().subscribe(c -> {
            if (c != null) {
                cursorId = c.id();
            }
        });
        list.getItems().addListener((ListChangeListener<Conversation>) change -> keepCursor());
        // Opened some other way (a test, a link, a notification): the cursor follows.
        vm.thread().conversationProperty().subscribe(c -> {
            if (c != null && !c.id().equals(cursorId)) {
                cursorId = c.id();
                keepCursor();
            }
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                openSelected();
            }
        });

        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(vm.sidebar().selectedQueueProperty().map(q -> q.name()).orElse(""));
        Label count = new Label();
        count.getStyleClass().addAll("count");
        count.textProperty().bind(javafx.beans.binding.Bindings.size(list.getItems()).asString());
        Label filter = new Label();
        filter.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        filter.textProperty().bind(vm.sidebar().brandFilterProperty()
                .map(id -> i18n.get("list.filteredBy", vm.referenceProperty().get().brand(id).map(b -> b.name()).orElse(id)))
                .orElse(""));
        ToggleButton soon = new ToggleButton();
        soon.setId("breaching-soon");
        soon.getStyleClass().addAll(Styles.SMALL, "breaching-soon");
        soon.setGraphic(new FontIcon(Material2OutlinedMZ.TIMER));
        soon.textProperty().bind(vm.list().breachingSoonCountProperty()
                .map(n -> i18n.get("list.breachingSoon") + " · " + n));
        soon.setTooltip(new Tooltip(i18n.get("list.breachingSoon.tip")));
        soon.selectedProperty().bindBidirectional(vm.list().breachingSoonOnlyProperty());
        clock.nowProperty().subscribe(vm.list()::tick);
        // The queue's name gives way first (its full name is in the tooltip); the count and the toggle never do.
        Tooltip name = new Tooltip();
        name.textProperty().bind(title.textProperty());
        title.setTooltip(name);
        title.setMinWidth(40);
        count.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        soon.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox header = new HBox(8, title, count, filter, new Spacer(), soon);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("pane-header");

        root = new VBox(header, list);
        root.getStyleClass().add("conversation-pane");
        root.setMinWidth(320);
    }

    Node root() {
        return root;
    }

    ListView<Conversation> list() {
        return list;
    }

    private void onKey(KeyEvent e) {
        switch (e.getCode()) {
            case J -> move(1, e);
            case K -> move(-1, e);
            case ENTER -> {
                openSelected();
                e.consume();
            }
            default -> {
                return;
            }
        }
    }

    private void move(int delta, KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        int size = list.getItems().size();
        if (size == 0) {
            return;
        }
        int current = list.getSelectionModel().getSelectedIndex();
        int next = current < 0 ? 0 : Math.max(0, Math.min(size - 1, current + delta));
        list.getSelectionModel().clearAndSelect(next);
        list.getFocusModel().focus(next);
        list.scrollTo(Math.max(0, next - 3));
        e.consume();
    }

    void openSelected() {
        Conversation c = list.getSelectionModel().getSelectedItem();
        if (c != null) {
            vm.open(c);
        }
    }

    /** After live updates, put the cursor back on the same conversation, wherever it moved to. */
    private void keepCursor() {
        if (cursorId == null) {
            return;
        }
        Conversation selected = list.getSelectionModel().getSelectedItem();
        if (selected != null && selected.id().equals(cursorId)) {
            return;
        }
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).id().equals(cursorId)) {
                list.getSelectionModel().clearAndSelect(i);
                return;
            }
        }
    }
}
