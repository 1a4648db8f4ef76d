package es.faro.client.ui.workstation;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import es.faro.client.ui.search.ConversationSearchViewModel;
import es.faro.client.ui.search.ServerSearchView;
import es.faro.protocol.model.Conversation;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The middle column: the queue as a virtualized list. j/k or the arrows move the cursor, Enter or a
 * click opens. The cursor survives rows being replaced or re-sorted by live updates.
 */
final class ConversationListView {
    private final WorkstationViewModel vm;
    private final ListView<Conversation> list;
    private final VBox root;
    private final SearchBox searchBox;
    private String cursorId;

    ConversationListView(WorkstationViewModel vm, SharedClock clock, I18n i18n) {
        this.vm = vm;
        list = new ListView<>(vm.list().items());
        list.setId("conversation-list");
        list.getStyleClass().addAll("conversation-list", Tweaks.EDGE_TO_EDGE);
        list.setFixedCellSize(ConversationCell.HEIGHT);
        ConversationSearchViewModel search = vm.search();
        list.setCellFactory(l -> new ConversationCell(() -> vm.referenceProperty().get(), i18n, clock,
                id -> search.activeProperty().get() ? search.hit(id) : Optional.empty()));
        Label empty = new Label(i18n.get("list.empty"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        Label noResults = new Label();
        noResults.setId("search-empty");
        noResults.getStyleClass().add(Styles.TEXT_MUTED);
        noResults.setWrapText(true);
        noResults.textProperty().bind(Bindings.createStringBinding(
                () -> search.searchedProperty().get() ? i18n.get("search.local.none", search.searchedQueryProperty().get())
                        : i18n.get("search.local.searching"),
                search.searchedProperty(), search.searchedQueryProperty()));
        // While the box holds text the list shows the results, in the same rows, opened the same way.
        search.activeProperty().subscribe(on -> {
            list.setItems(on ? search.conversations() : vm.list().items());
            list.setPlaceholder(on ? noResults : empty);
            keepCursor();
        });
        searchBox = new SearchBox(search, i18n, this::toResults, this::closeSearch);
        list.accessibleTextProperty().bind(vm.sidebar().selectedQueueProperty()
                .map(q -> i18n.get("a11y.conversations", q.name())).orElse(i18n.get("a11y.conversations.none")));
        VBox.setVgrow(list, Priority.ALWAYS);

        list.getSelectionModel().selectedItemProperty().subscribe(c -> {
            if (c != null) {
                cursorId = c.id();
            }
        });
        list.getItems().addListener((ListChangeListener<Conversation>) change -> keepCursor());
        search.conversations().addListener((ListChangeListener<Conversation>) change -> keepCursor());
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
        title.textProperty().bind(Bindings.createStringBinding(() -> search.activeProperty().get()
                        ? i18n.get("search.local.title")
                        : vm.sidebar().selectedQueueProperty().map(q -> q.name()).orElse("").getValue(),
                search.activeProperty(), vm.sidebar().selectedQueueProperty()));
        Label count = new Label();
        count.getStyleClass().addAll("count");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> Integer.toString(list.getItems().size()), list.itemsProperty(), search.conversations(),
                vm.list().items()));
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

        soon.visibleProperty().bind(search.activeProperty().not());
        filter.visibleProperty().bind(search.activeProperty().not().and(filter.textProperty().isNotEmpty()));
        filter.managedProperty().bind(filter.visibleProperty()); // no gap beside the title when no brand is picked

        HBox searchRow = new HBox(searchBox.field());
        HBox.setHgrow(searchBox.field(), Priority.ALWAYS);
        searchRow.getStyleClass().add("search-row");
        Label problem = new Label();
        problem.setId("search-message");
        problem.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
        problem.setWrapText(true);
        problem.textProperty().bind(search.messageProperty().map(i18n::get).orElse(""));
        problem.visibleProperty().bind(search.messageProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        root = new VBox(searchRow, header, problem, list);
        if (search.server() != null) {
            Node server = new ServerSearchView(search.server(), i18n).node();
            Label heading = new Label(i18n.get("search.server.heading"));
            heading.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, Styles.TEXT_BOLD);
            heading.visibleProperty().bind(search.server().searchedProperty().or(search.server().searchingProperty()));
            heading.managedProperty().bind(heading.visibleProperty());
            VBox below = new VBox(4, heading, server);
            below.getStyleClass().add("search-server-pane");
            below.visibleProperty().bind(search.activeProperty());
            below.managedProperty().bind(below.visibleProperty());
            root.getChildren().add(below);
        }
        root.getStyleClass().add("conversation-pane");
        root.setMinWidth(320);
    }

    Node root() {
        return root;
    }

    ListView<Conversation> list() {
        return list;
    }

    /** The search box at the top of the pane (Ctrl+F). */
    CustomTextField searchField() {
        return searchBox.field();
    }

    /** Ctrl+F: to the search box, its text selected so typing replaces it. */
    void focusSearch() {
        searchBox.focus();
    }

    /** Esc: the box empties and the queue comes back, focused. */
    void closeSearch() {
        vm.search().clear();
        list.requestFocus();
    }

    /** Enter or Down in the box: to the results, the first one selected. */
    private void toResults() {
        list.requestFocus();
        if (list.getSelectionModel().getSelectedIndex() < 0 && !list.getItems().isEmpty()) {
            list.getSelectionModel().clearAndSelect(0);
        }
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
