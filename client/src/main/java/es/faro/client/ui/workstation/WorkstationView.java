package es.faro.client.ui.workstation;

import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import java.util.function.Supplier;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The agent's screen: sidebar | queue | thread, status bar at the bottom. Keyboard first:
 * j/k or arrows move in the queue, Enter opens, r (or Tab) goes to the reply box, Ctrl+Enter sends,
 * Esc goes back to the queue, q focuses the sidebar's queues and l the conversation list.
 */
public final class WorkstationView {
    private final BorderPane root;
    private final ConversationListView list;
    private final ThreadView thread;
    private final SidebarView sidebar;
    private final StatusBarView status;
    private final VBox top;
    private final es.faro.client.ui.keyboard.WorkstationKeyboard keyboard;
    private final SplitPane split;
    private boolean swallowNextTyped;

    public WorkstationView(WorkstationViewModel vm, SharedClock clock, I18n i18n) {
        Supplier<ReferenceIndex> reference = () -> vm.referenceProperty().get();
        sidebar = new SidebarView(vm.sidebar(), i18n);
        list = new ConversationListView(vm, clock, i18n);
        thread = new ThreadView(vm.thread(), reference, clock, i18n);
        status = new StatusBarView(vm.statusBar(), clock, i18n);

        split = new SplitPane(list.root(), thread.root());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.40);
        SplitPane.setResizableWithParent(list.root(), false);

        top = new VBox(ErrorBanner.create(vm.errorProperty(), () -> { }, i18n));
        root = new BorderPane(split, top, null, status.root(), sidebar.root());
        root.getStyleClass().add("workstation");
        keyboard = es.faro.client.ui.keyboard.WorkstationKeyboard.install(vm, i18n, root, list.list(),
                thread.composer().textArea(), sidebar.queueList());
        vm.actions().register(es.faro.client.ui.keyboard.AppAction.of("search/focus", "keys.action.search",
                es.faro.client.ui.keyboard.WorkstationActions.GROUP_NAVIGATION, "Shortcut+F", null, list::focusSearch)
                .withNode("conversation-search"));
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // The key that moved focus into a text field must not also type its letter there ("r" → reply box).
        root.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowNextTyped) {
                swallowNextTyped = false;
                e.consume();
            }
        });
        root.addEventFilter(KeyEvent.KEY_RELEASED, e -> swallowNextTyped = false);
        // Keyboard first: the queue has focus as soon as the screen shows, so j/k work at once.
        root.sceneProperty().subscribe(scene -> {
            if (scene != null) {
                javafx.application.Platform.runLater(() -> list.list().requestFocus());
            }
        });
    }

    public Parent root() {
        return root;
    }

    /** Adds a control to the status bar, before the agent's name. */
    public void addStatusAction(Node action) {
        status.addAction(action);
    }

    /** Adds a feature's panel to the open thread, under its header (e.g. the community moderation). */
    public void addThreadPanel(Node panel) {
        thread.addPanel(panel);
    }

    /** Adds a banner above the queue and thread (e.g. the offline banner). */
    public void addBanner(Node banner) {
        top.getChildren().add(banner);
    }

    /** Adds a row under the thread header (e.g. who else is viewing, suggested labels). */
    public void addThreadHeaderRow(Node row) {
        thread.addHeaderRow(row);
    }

    /** Adds a panel to the right of the thread (e.g. the customer panel). */
    public void addSidePanel(Node panel) {
        split.getItems().add(panel);
        split.setDividerPositions(0.33, 0.80); // queue, thread (the widest: the agent reads and writes there), customer
        SplitPane.setResizableWithParent(panel, false);
    }

    /** The queue list, focused when the screen opens so j/k work at once. */
    public ListView<?> conversationList() {
        return list.list();
    }

    /** The keyboard layer: palette, cheat sheet, canned picker. */
    public es.faro.client.ui.keyboard.WorkstationKeyboard keyboard() {
        return keyboard;
    }

    private void onKey(KeyEvent e) {
        if (e.isConsumed()) {
            return;
        }
        Node focus = root.getScene() == null ? null : root.getScene().getFocusOwner();
        boolean typing = focus instanceof TextInputControl;
        TextArea composer = thread.composer().textArea();
        if (e.getCode() == KeyCode.ESCAPE && (focus == list.searchField()
                || (focus == list.list() && !list.searchField().getText().isEmpty()))) {
            list.closeSearch(); // Esc in the search box, or on its results: back to the queue
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE && typing) {
            list.list().requestFocus();
            e.consume();
        } else if (!typing && e.getCode() == KeyCode.R && !e.isShortcutDown() && !e.isAltDown()
                && !composer.isDisabled()) {
            composer.requestFocus();
            swallowNextTyped = true;
            e.consume();
        } else if (!typing && e.getCode() == KeyCode.Q && !e.isShortcutDown() && !e.isAltDown()) {
            sidebar.queueList().requestFocus();
            e.consume();
        } else if (!typing && e.getCode() == KeyCode.L && !e.isShortcutDown() && !e.isAltDown()) {
            list.list().requestFocus();
            e.consume();
        }
    }
}
