package es.faro.client.ui.workstation;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import es.faro.client.cache.ThreadMessage;
import es.faro.client.ui.common.Formats;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import java.time.ZoneId;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** The right column: header with actions, the thread (newest at the bottom), errors, and the composer. */
final class ThreadView {
    private final StackPane root;
    private final ListView<ThreadMessage> messages;
    private final ComposerView composer;
    private final VBox content;
    /** Rows other features add under the header (presence, suggestions). */
    private final VBox headerRows = new VBox();

    ThreadView(ThreadViewModel vm, Supplier<ReferenceIndex> reference, SharedClock clock, I18n i18n) {
        Formats formats = new Formats(i18n.locale(), ZoneId.systemDefault());
        ThreadHeaderView header = new ThreadHeaderView(vm, reference, clock, i18n);

        messages = new ListView<>(vm.messages());
        messages.setId("thread-messages");
        messages.getStyleClass().addAll("thread-messages", Tweaks.EDGE_TO_EDGE);
        messages.setCellFactory(l -> new MessageCell(l, i18n, clock, formats, vm));
        vm.deliveryBusy().addListener((javafx.collections.SetChangeListener<String>) c -> messages.refresh());
        messages.setFocusTraversable(false);
        Label loading = new Label(i18n.get("thread.loading"));
        loading.getStyleClass().add(Styles.TEXT_MUTED);
        messages.setPlaceholder(loading);
        vm.messages().addListener((ListChangeListener<ThreadMessage>) c -> {
            if (!vm.messages().isEmpty()) {
                messages.scrollTo(vm.messages().size() - 1);
            }
        });
        VBox.setVgrow(messages, Priority.ALWAYS);

        composer = new ComposerView(vm.composer(), i18n);
        content = new VBox(header.root(), headerRows, messages,
                ErrorBanner.create(vm.errorProperty(), vm::dismissError, i18n),
                ErrorBanner.create(vm.composer().errorProperty(), vm.composer()::dismissError, i18n),
                es.faro.client.ui.automation.CollisionBanner.create(vm.composer(), i18n),
                composer.root());
        content.getStyleClass().add("thread-pane");
        content.visibleProperty().bind(vm.conversationProperty().isNotNull());

        FontIcon icon = new FontIcon(Material2OutlinedAL.CHAT_BUBBLE_OUTLINE);
        icon.getStyleClass().add("empty-icon");
        Label title = new Label(i18n.get("thread.none.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label(i18n.get("thread.none.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        VBox empty = new VBox(8, icon, title, hint);
        empty.setAlignment(Pos.CENTER);
        empty.getStyleClass().add("thread-empty");
        empty.visibleProperty().bind(vm.conversationProperty().isNull());

        root = new StackPane(empty, content);
        root.setMinWidth(420);
        // In a narrow column the thread is cut at its right edge, never centred and cut on both sides.
        content.setMinWidth(0);
        StackPane.setAlignment(content, Pos.TOP_LEFT);
        root.setClip(clip(root));
    }

    Node root() {
        return root;
    }

    /** Adds a feature's panel between the header and the messages (e.g. the community moderation). */
    void addPanel(Node panel) {
        content.getChildren().add(1, panel);
    }

    ComposerView composer() {
        return composer;
    }

    void addHeaderRow(Node row) {
        headerRows.getChildren().add(row);
    }

    private static javafx.scene.shape.Rectangle clip(javafx.scene.layout.Region region) {
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(region.widthProperty());
        clip.heightProperty().bind(region.heightProperty());
        return clip;
    }
}
