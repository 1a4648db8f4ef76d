package es.faro.client.ui.automation;

import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.I18n;
import es.faro.protocol.automation.LabelSuggestion;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** A row in the thread header: who else is viewing or typing, and the suggested labels to accept. */
public final class PresenceBar {
    private PresenceBar() {
    }

    public static Node create(PresenceViewModel presence, SuggestionsViewModel suggestions,
                              java.util.function.Function<String, String> labelName, I18n i18n) {
        Label who = new Label();
        who.setId("presence-others");
        who.getStyleClass().addAll(Styles.TEXT_SMALL, "presence-others");
        who.setGraphic(new FontIcon(Material2OutlinedMZ.VISIBILITY));
        who.managedProperty().bind(who.visibleProperty());
        Runnable renderWho = () -> {
            var others = presence.others();
            who.setVisible(!others.isEmpty());
            who.setText(String.join(" · ", others.stream().map(e -> i18n.get(
                    e.typing() ? "automation.presence.typing" : "automation.presence.viewing", e.name())).toList()));
            who.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("typing"), others.stream().anyMatch(PresenceViewModel.Entry::typing));
        };
        presence.others().addListener((ListChangeListener<PresenceViewModel.Entry>) c -> renderWho.run());
        renderWho.run();

        FlowPane chips = new FlowPane(4, 4);
        chips.setId("label-suggestions");
        chips.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label(i18n.get("automation.suggestions.title"));
        title.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        title.setGraphic(new FontIcon(Material2OutlinedAL.LABEL));
        Runnable renderChips = () -> {
            chips.getChildren().clear();
            if (suggestions.suggestions().isEmpty()) {
                return;
            }
            chips.getChildren().add(title);
            for (LabelSuggestion.Scored s : suggestions.suggestions()) {
                Button accept = new Button(i18n.get("automation.suggestions.accept", labelName.apply(s.label()),
                        String.format(Locale.ROOT, "%.0f", s.confidence() * 100)));
                accept.setId("suggestion-" + s.label());
                accept.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED, "suggestion");
                accept.setOnAction(e -> suggestions.accept(s));
                chips.getChildren().add(accept);
            }
        };
        suggestions.suggestions().addListener((ListChangeListener<LabelSuggestion.Scored>) c -> renderChips.run());
        HBox row = new HBox(12, who, chips);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("presence-bar");
        return row;
    }
}
