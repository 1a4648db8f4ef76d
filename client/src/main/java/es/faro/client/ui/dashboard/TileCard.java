package es.faro.client.ui.dashboard;

import es.faro.client.ui.common.StyleClasses;
import atlantafx.base.controls.Card;
import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * One live tile: a title, a big number readable from across the room, and a line under it (the
 * goal, or "no data yet"). Its tone colours the number: good, warn, bad or neutral.
 */
final class TileCard {
    enum Tone { GOOD, WARN, BAD, NEUTRAL }

    private static final List<String> TONES = List.of("tone-good", "tone-warn", "tone-bad", "tone-neutral");

    private final Card card = new Card();
    private final Label value = new Label("—");
    private final Label detail = new Label();
    private final VBox body;

    TileCard(String id, String title) {
        Label header = new Label(title);
        header.getStyleClass().addAll("tile-title", Styles.TEXT_MUTED);
        value.setId(id + "-value");
        detail.setId(id + "-detail");
        value.getStyleClass().add("tile-value");
        detail.getStyleClass().addAll("tile-detail", Styles.TEXT_SMALL);
        detail.setWrapText(true);
        body = new VBox(2, value, detail);
        card.setHeader(header);
        card.setBody(body);
        card.setId(id);
        card.getStyleClass().addAll("dash-tile", Styles.ELEVATED_1);
        tone(Tone.NEUTRAL);
    }

    Node node() {
        return card;
    }

    /** Adds something under the detail line (a goal bar). */
    void extra(Node node) {
        body.getChildren().add(node);
    }

    void show(String number, String line, Tone tone) {
        value.setText(number);
        detail.setText(line);
        tone(tone);
    }

    private void tone(Tone tone) {
        StyleClasses.choose(value.getStyleClass(), TONES, "tone-" + tone.name().toLowerCase(java.util.Locale.ROOT));
    }
}
