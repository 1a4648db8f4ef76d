package es.faro.client.app;

import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.I18n;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/** What the window shows while Faro starts (the demo server, the sign-in, the cache), or why it could not. */
final class StartupView {
    private final I18n i18n;

    StartupView(I18n i18n) {
        this.i18n = i18n;
    }

    Parent progress(String message) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(48, 48);
        Label text = new Label(message);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        Label title = new Label(i18n.get("app.name"));
        title.getStyleClass().add(Styles.TITLE_1);
        VBox box = new VBox(16, title, spinner, text);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /** Another Faro already uses this computer's data folder: say so in words, no technical detail. */
    Parent alreadyRunning() {
        Label title = new Label(i18n.get("startup.alreadyRunning"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label detail = new Label(i18n.get("startup.alreadyRunning.detail"));
        detail.setWrapText(true);
        detail.setMaxWidth(560);
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        Button quit = new Button(i18n.get("startup.quit"));
        quit.setDefaultButton(true);
        quit.setOnAction(e -> Platform.exit());
        VBox box = new VBox(16, title, detail, quit);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    Parent failure(Throwable error) {
        Label title = new Label(i18n.get("startup.failed"));
        title.getStyleClass().addAll(Styles.TITLE_3, Styles.DANGER);
        Throwable cause = error.getCause() != null && error instanceof java.util.concurrent.CompletionException
                ? error.getCause() : error;
        Label detail = new Label(i18n.get("startup.failed.detail", String.valueOf(cause.getMessage())));
        detail.setWrapText(true);
        detail.setMaxWidth(560);
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        Button quit = new Button(i18n.get("startup.quit"));
        quit.setOnAction(e -> Platform.exit());
        VBox box = new VBox(16, title, detail, quit);
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
