package es.faro.client.ui.workstation;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.UiText;
import javafx.beans.value.ObservableValue;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** An AtlantaFX danger message that appears while a view model reports a problem; closing it dismisses it. */
final class ErrorBanner {
    private ErrorBanner() {
    }

    static Message create(ObservableValue<UiText> error, Runnable dismiss, I18n i18n) {
        Message message = new Message(i18n.get("error.title"), "", new FontIcon(Material2OutlinedAL.ERROR_OUTLINE));
        message.getStyleClass().addAll(Styles.DANGER, "error-banner");
        message.setOnClose(e -> dismiss.run());
        error.subscribe(text -> {
            message.setDescription(text == null ? "" : i18n.get(text));
            message.setVisible(text != null);
            message.setManaged(text != null);
        });
        return message;
    }
}
