package es.faro.client.ui.canned;

import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.I18n;
import es.faro.protocol.model.CannedResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;

/**
 * The {@code /} picker under the composer: a popup list that follows {@link CannedPickerViewModel},
 * arrows to move, Enter or Tab to insert, Esc to close; prompted variables are asked in a small
 * dialog before the text goes in.
 */
public final class CannedPickerView {
    private final CannedPickerViewModel vm;
    private final TextArea area;
    private final I18n i18n;
    private final Popup popup = new Popup();
    private final ListView<CannedResponse> list = new ListView<>();

    private CannedPickerView(CannedPickerViewModel vm, TextArea area, I18n i18n) {
        this.vm = vm;
        this.area = area;
        this.i18n = i18n;
        list.setId("canned-list");
        list.setItems(vm.items());
        list.setFixedCellSize(46);
        list.setPrefSize(520, 46 * 6 + 4);
        list.setFocusTraversable(false);
        list.setCellFactory(v -> new Cell());
        list.setPlaceholder(new Label(i18n.get("canned.picker.none")));
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() >= 1 && list.getSelectionModel().getSelectedIndex() >= 0) {
                vm.select(list.getSelectionModel().getSelectedIndex());
                accept();
            }
        });
        Label hint = new Label(i18n.get("canned.picker.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox box = new VBox(4, list, hint);
        box.setPadding(new Insets(6));
        box.getStyleClass().add("canned-picker");
        popup.getContent().add(box);
        popup.setAutoHide(true);
        popup.setOnAutoHide(e -> vm.close());

        vm.selectedProperty().subscribe(i -> {
            if (i.intValue() >= 0) {
                list.getSelectionModel().clearAndSelect(i.intValue());
                list.scrollTo(Math.max(0, i.intValue() - 2));
            } else {
                list.getSelectionModel().clearSelection();
            }
        });
        vm.openProperty().subscribe(open -> {
            if (open) {
                show();
            } else {
                popup.hide();
            }
        });
        area.caretPositionProperty().addListener((o, was, now) -> vm.caretMoved(area.getText(), now.intValue()));
        area.textProperty().addListener((o, was, now) -> vm.caretMoved(now, area.getCaretPosition()));
        area.focusedProperty().addListener((o, was, now) -> {
            if (!now && !popup.isFocused()) {
                vm.close();
            }
        });
    }

    /** Puts the picker on the composer's text area; returns the key filter to run before other shortcuts. */
    public static CannedPickerView install(CannedPickerViewModel vm, TextArea area, I18n i18n) {
        return new CannedPickerView(vm, area, i18n);
    }

    /** Keys while the picker is open: consumed here so the workstation's own keys do not see them. */
    public void onKey(KeyEvent e) {
        if (!vm.openProperty().get() || e.getTarget() != area) {
            return;
        }
        KeyCode code = e.getCode();
        if (code == KeyCode.DOWN || code == KeyCode.UP) {
            vm.move(code == KeyCode.DOWN ? 1 : -1);
            e.consume();
        } else if ((code == KeyCode.ENTER || code == KeyCode.TAB) && !e.isShortcutDown()) {
            e.consume();
            accept();
        } else if (code == KeyCode.ESCAPE) {
            vm.close();
            e.consume();
        }
    }

    private void show() {
        Bounds b = area.localToScreen(area.getBoundsInLocal());
        if (b == null || area.getScene() == null) {
            return;
        }
        if (!popup.isShowing()) {
            popup.getScene().getStylesheets().setAll(area.getScene().getStylesheets());
            popup.show(area, b.getMinX(), b.getMaxY() + 2);
        }
    }

    private void accept() {
        vm.accept().ifPresent(this::insert);
    }

    /** Inserts a response (asking its prompted variables first), e.g. one chosen in the palette. */
    public void insertAtEnd(CannedResponse response) {
        insert(vm.atEnd(response));
    }

    private void insert(CannedPickerViewModel.Pending p) {
        if (p.prompts().isEmpty()) {
            finish(p, Map.of());
            return;
        }
        Dialog<Map<String, String>> dialog = new Dialog<>();
        dialog.setTitle(i18n.get("canned.ask.title"));
        dialog.setHeaderText(i18n.get("canned.ask.header", p.response().title()));
        if (area.getScene() != null) {
            dialog.initOwner(area.getScene().getWindow());
        }
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        List<String> prompts = p.prompts();
        TextField[] fields = new TextField[prompts.size()];
        for (int i = 0; i < prompts.size(); i++) {
            Label label = new Label(prompts.get(i));
            fields[i] = new TextField();
            fields[i].setId("canned-ask-" + i);
            fields[i].setPrefColumnCount(24);
            label.setLabelFor(fields[i]);
            grid.addRow(i, label, fields[i]);
        }
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().setId("canned-ask");
        dialog.setResultConverter(button -> {
            if (button != ButtonType.OK) {
                return null;
            }
            Map<String, String> answers = new LinkedHashMap<>();
            for (int i = 0; i < prompts.size(); i++) {
                answers.put(prompts.get(i), fields[i].getText().strip());
            }
            return answers;
        });
        dialog.setOnShown(e -> Platform.runLater(fields[0]::requestFocus));
        dialog.setOnHidden(e -> {
            Map<String, String> answers = dialog.getResult();
            if (answers != null) {
                finish(p, answers);
            } else {
                area.requestFocus();
            }
        });
        dialog.show();
    }

    private void finish(CannedPickerViewModel.Pending p, Map<String, String> answers) {
        int caret = vm.complete(p, answers);
        vm.close();
        area.requestFocus();
        area.positionCaret(caret);
        vm.close();
    }

    Node popupContent() {
        return popup.getContent().get(0);
    }

    private final class Cell extends ListCell<CannedResponse> {
        private final Label title = new Label();
        private final Label body = new Label();
        private final VBox box = new VBox(1, title, body);

        Cell() {
            title.getStyleClass().add(Styles.TEXT_BOLD);
            body.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            body.setMaxWidth(490);
        }

        @Override
        protected void updateItem(CannedResponse item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            String folder = item.folder() == null ? "" : item.folder() + " · ";
            title.setText("/" + (item.shortcut() == null ? "" : item.shortcut()) + "  " + item.title());
            body.setText(folder + item.body().replace('\n', ' '));
            setGraphic(box);
            setText(null);
        }
    }
}
