package es.faro.client.ui.community;

import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.I18n;
import es.faro.protocol.community.CommunityPost;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The moderation panel above a community or forum thread: its posts and the moderator's toolbar. */
public final class ModerationView {
    private static final double CELL = 28;
    private final VBox root;

    public ModerationView(ModerationViewModel vm, I18n i18n) {
        Label title = new Label(i18n.get("community.moderation.title"));
        title.getStyleClass().add(Styles.TITLE_4);

        ListView<CommunityPost> list = new ListView<>(vm.posts());
        list.setId("moderation-posts");
        list.getStyleClass().add("moderation-posts");
        list.setFixedCellSize(CELL);
        list.setPrefHeight(CELL * 4 + 4);
        list.setCellFactory(l -> new PostCell(i18n));
        list.getSelectionModel().selectedItemProperty().subscribe(p -> {
            if (p != vm.selectedProperty().get()) {
                vm.selectedProperty().set(p);
            }
        });
        vm.selectedProperty().subscribe(p -> {
            if (p == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != p) {
                list.getSelectionModel().select(p);
            }
        });

        TextField reason = field("moderation-reason", i18n.get("community.moderation.reason"));
        reason.textProperty().bindBidirectional(vm.reasonProperty());
        TextField board = field("moderation-board", i18n.get("community.moderation.board"));
        board.textProperty().bindBidirectional(vm.boardProperty());
        TextField edited = field("moderation-edit", i18n.get("community.moderation.editText"));
        edited.textProperty().bindBidirectional(vm.editedTextProperty());
        HBox fields = new HBox(6, reason, board, edited);
        HBox.setHgrow(reason, Priority.ALWAYS);
        HBox.setHgrow(edited, Priority.ALWAYS);

        FlowPane toolbar = new FlowPane(6, 6,
                button("moderation-approve", i18n.get("community.moderation.approve"), vm::approve, Styles.SUCCESS),
                button("moderation-reject", i18n.get("community.moderation.reject"), vm::reject, Styles.DANGER),
                button("moderation-spam", i18n.get("community.moderation.spam"), vm::markSpam, Styles.DANGER),
                button("moderation-solution", i18n.get("community.moderation.acceptSolution"), vm::acceptSolution,
                        Styles.ACCENT),
                button("moderation-move", i18n.get("community.moderation.move"), vm::move, null),
                button("moderation-edit-button", i18n.get("community.moderation.edit"), vm::edit, null));
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.disableProperty().bind(vm.busyProperty());

        Label message = new Label();
        message.setId("moderation-message");
        message.getStyleClass().add(Styles.TEXT_SMALL);
        message.textProperty().bind(vm.messageProperty()
                .map(t -> i18n.get(t.key(), t.args().toArray())).orElse(""));

        root = new VBox(6, title, list, fields, toolbar, message);
        root.setId("moderation-panel");
        root.getStyleClass().add("moderation-panel");
        root.visibleProperty().bind(vm.activeProperty());
        root.managedProperty().bind(vm.activeProperty());
    }

    public Node root() {
        return root;
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.getStyleClass().add(Styles.SMALL);
        f.setAccessibleText(prompt);
        return f;
    }

    private static Button button(String id, String text, Runnable action, String style) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add(Styles.SMALL);
        if (style != null) {
            b.getStyleClass().add(style);
        }
        b.setOnAction(e -> action.run());
        return b;
    }

    /** "author · state · kudos · views", and a mark on the accepted solution. */
    static final class PostCell extends ListCell<CommunityPost> {
        private final I18n i18n;

        PostCell(I18n i18n) {
            this.i18n = i18n;
        }

        @Override
        protected void updateItem(CommunityPost p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setText(null);
                getStyleClass().remove("solution");
                return;
            }
            String text = i18n.get("community.moderation.post", p.authorName(),
                    i18n.get("community.state." + p.state().name().toLowerCase(java.util.Locale.ROOT)), p.kudos(),
                    p.views(), p.board() == null ? "" : p.board());
            setText(p.solution() ? "✔ " + i18n.get("community.moderation.solution") + " · " + text : text);
            if (p.solution()) {
                if (!getStyleClass().contains("solution")) {
                    getStyleClass().add("solution");
                }
            } else {
                getStyleClass().remove("solution");
            }
        }
    }
}
