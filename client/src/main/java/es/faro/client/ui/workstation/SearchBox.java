package es.faro.client.ui.workstation;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.search.ConversationSearchViewModel;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The search box over the conversation list: a search icon, the text bound to the search's query, a
 * clear button while it holds text. The cache is searched once typing pauses (~150 ms), so a burst of
 * keys is one read; Enter or Down searches at once if a pause is pending and hands over to the results.
 */
final class SearchBox {
    static final Duration PAUSE = Duration.millis(150);

    private final CustomTextField field = new CustomTextField();

    /**
     * @param toResults Enter or Down in the box: move to the results
     * @param close     the clear button: empty the box and go back to the queue
     */
    SearchBox(ConversationSearchViewModel search, I18n i18n, Runnable toResults, Runnable close) {
        field.setId("conversation-search");
        field.setPromptText(i18n.get("search.local.prompt"));
        field.setAccessibleText(i18n.get("search.local.a11y"));
        field.setLeft(new FontIcon(Material2OutlinedMZ.SEARCH));
        Button clear = new Button(null, new FontIcon(Material2OutlinedAL.CLEAR));
        clear.setId("conversation-search-clear");
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        clear.setTooltip(new Tooltip(i18n.get("search.local.clear")));
        clear.setFocusTraversable(false);
        clear.visibleProperty().bind(search.activeProperty());
        clear.setOnAction(e -> close.run());
        field.setRight(clear);
        field.textProperty().bindBidirectional(search.queryProperty());

        PauseTransition pause = new PauseTransition(PAUSE);
        pause.setOnFinished(e -> search.submit());
        field.textProperty().addListener((o, was, now) -> {
            if (now == null || now.isBlank()) {
                pause.stop();
            } else {
                pause.playFromStart();
            }
        });
        field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case ENTER, DOWN -> {
                    if (pause.getStatus() == Animation.Status.RUNNING) {
                        pause.stop();
                        search.submit();
                    }
                    toResults.run();
                    e.consume();
                }
                default -> {
                }
            }
        });
    }

    CustomTextField field() {
        return field;
    }

    /** Ctrl+F: focused, its text selected so typing replaces it. */
    void focus() {
        field.requestFocus();
        field.selectAll();
    }
}
