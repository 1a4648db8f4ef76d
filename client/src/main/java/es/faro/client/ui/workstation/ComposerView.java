package es.faro.client.ui.workstation;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.I18n;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Reply or internal note, a live "n / limit" counter, Ctrl+Enter to send. */
final class ComposerView {
    private final ComposerViewModel vm;
    private final VBox root;
    private final TextArea text = new TextArea();

    ComposerView(ComposerViewModel vm, I18n i18n) {
        this.vm = vm;

        ToggleGroup group = new ToggleGroup();
        ToggleButton reply = new ToggleButton(i18n.get("composer.reply"));
        reply.setId("mode-reply");
        reply.setGraphic(new FontIcon(Material2OutlinedMZ.REPLY));
        reply.getStyleClass().addAll(Styles.LEFT_PILL, Styles.SMALL);
        ToggleButton note = new ToggleButton(i18n.get("composer.note"));
        note.setId("mode-note");
        note.setGraphic(new FontIcon(Material2OutlinedMZ.STICKY_NOTE_2));
        note.getStyleClass().addAll(Styles.RIGHT_PILL, Styles.SMALL);
        reply.setToggleGroup(group);
        note.setToggleGroup(group);
        vm.modeProperty().subscribe(m -> group.selectToggle(m == ComposerMode.NOTE ? note : reply));
        group.selectedToggleProperty().subscribe((old, now) -> {
            if (now == null) {
                // A pill group always has one side on: clicking the active one again keeps it.
                group.selectToggle(old);
            } else {
                vm.modeProperty().set(now == note ? ComposerMode.NOTE : ComposerMode.REPLY);
            }
        });
        Label audience = new Label();
        audience.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        audience.textProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.modeProperty().get() == ComposerMode.NOTE) {
                return i18n.get("composer.audience.team");
            }
            return i18n.get(vm.publicReplyProperty().get() ? "composer.audience.public" : "composer.audience.private");
        }, vm.modeProperty(), vm.publicReplyProperty()));
        HBox modes = new HBox(0, reply, note);
        // The mode buttons keep their words; the audience hint gives way (its full text in a tooltip).
        modes.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        reply.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        note.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        audience.setMinWidth(0);
        javafx.scene.control.Tooltip audienceTip = new javafx.scene.control.Tooltip();
        audienceTip.textProperty().bind(audience.textProperty());
        audience.setTooltip(audienceTip);
        HBox top = new HBox(10, modes, audience);
        top.setAlignment(Pos.CENTER_LEFT);

        text.setId("composer-text");
        text.setWrapText(true);
        text.setPrefRowCount(4);
        text.textProperty().bindBidirectional(vm.textProperty());
        text.disableProperty().bind(vm.conversationProperty().isNull().or(vm.sendingProperty()));
        text.promptTextProperty().bind(vm.modeProperty().map(m ->
                i18n.get(m == ComposerMode.NOTE ? "composer.prompt.note" : "composer.prompt.reply")));
        vm.modeProperty().subscribe(m -> {
            text.getStyleClass().remove("note-mode");
            if (m == ComposerMode.NOTE) {
                text.getStyleClass().add("note-mode");
            }
        });
        // The area is disabled while a send commits, which drops focus: give it back afterwards.
        vm.sendingProperty().subscribe((was, now) -> {
            if (was && !now && !text.isDisabled()) {
                text.requestFocus();
            }
        });
        text.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                vm.send();
                e.consume();
            }
        });

        Label hint = new Label(i18n.get("composer.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Label counter = new Label();
        counter.setId("composer-counter");
        counter.getStyleClass().addAll("counter", Styles.TEXT_SMALL);
        counter.textProperty().bind(Bindings.createStringBinding(
                () -> vm.lengthProperty().get() + " / " + vm.limitProperty().get(),
                vm.lengthProperty(), vm.limitProperty()));
        vm.overLimitProperty().subscribe(over -> counter.pseudoClassStateChanged(Styles.STATE_DANGER, over));
        Button send = new Button();
        send.setId("send-button");
        send.textProperty().bind(vm.modeProperty().map(m ->
                i18n.get(m == ComposerMode.NOTE ? "composer.send.note" : "composer.send.reply")));
        send.setGraphic(new FontIcon(Material2OutlinedMZ.SEND));
        send.getStyleClass().add(Styles.ACCENT);
        send.setDefaultButton(false);
        send.disableProperty().bind(Bindings.not(vm.canSendProperty()));
        send.setOnAction(e -> vm.send());
        HBox bottom = new HBox(10, hint, new Spacer(), counter, send);
        bottom.setAlignment(Pos.CENTER_LEFT);

        root = new VBox(6, top, text, bottom);
        root.getStyleClass().add("composer");
    }

    Node root() {
        return root;
    }

    TextArea textArea() {
        return text;
    }
}
