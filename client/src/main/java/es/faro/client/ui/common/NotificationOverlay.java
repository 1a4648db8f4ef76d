package es.faro.client.ui.common;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The top-right corner of the window where notices appear as AtlantaFX notifications, at most
 * {@value #MAX_SHOWN} at a time, each gone after a few seconds or when closed. It lets clicks
 * through to the screen below except on the notices themselves.
 */
public final class NotificationOverlay {
    private static final Logger log = LoggerFactory.getLogger(NotificationOverlay.class);
    static final int MAX_SHOWN = 4;
    private static final Duration SHOWN_FOR = Duration.seconds(8);

    private final VBox root = new VBox(8);
    private final NotificationCenter center;
    private I18n i18n;

    public NotificationOverlay(NotificationCenter center, I18n i18n) {
        this.center = center;
        this.i18n = i18n;
        root.setId("notifications");
        root.setPickOnBounds(false);
        root.setAlignment(Pos.TOP_RIGHT);
        root.setPadding(new Insets(48, 16, 16, 16));
        root.setMaxWidth(Double.MAX_VALUE);
        root.setFillWidth(false);
        center.addListener(this::show);
    }

    public Node root() {
        return root;
    }

    public void setI18n(I18n i18n) {
        this.i18n = i18n;
    }

    private void show(Notice notice) {
        String title = i18n.get(notice.title());
        String text = notice.message() == null ? title : title + "\n" + i18n.get(notice.message());
        Notification n = new Notification(text, new FontIcon(icon(notice.level())));
        n.getStyleClass().addAll(Styles.ELEVATED_1, style(notice.level()), "faro-notice");
        n.setPrefWidth(380);
        n.setMaxWidth(380);
        n.setAccessibleRole(AccessibleRole.TEXT);
        n.setAccessibleText(text);
        n.setOnClose(e -> root.getChildren().remove(n));
        root.getChildren().add(n);
        while (root.getChildren().size() > MAX_SHOWN) {
            root.getChildren().remove(0);
        }
        PauseTransition later = new PauseTransition(SHOWN_FOR);
        later.setOnFinished(e -> root.getChildren().remove(n));
        later.play();
        if (center.audible(notice)) {
            beep();
        }
    }

    private static void beep() {
        if (GraphicsEnvironment.isHeadless()) {
            return;
        }
        java.awt.EventQueue.invokeLater(() -> {
            try {
                Toolkit.getDefaultToolkit().beep();
            } catch (RuntimeException e) {
                log.debug("no system beep here", e);
            }
        });
    }

    private static String style(Notice.Level level) {
        return switch (level) {
            case INFO -> Styles.ACCENT;
            case SUCCESS -> Styles.SUCCESS;
            case WARNING -> Styles.WARNING;
            case DANGER -> Styles.DANGER;
        };
    }

    private static org.kordamp.ikonli.Ikon icon(Notice.Level level) {
        return switch (level) {
            case INFO -> Material2OutlinedAL.INFO;
            case SUCCESS -> Material2OutlinedAL.CHECK_CIRCLE;
            case WARNING -> Material2OutlinedAL.ACCESS_ALARM;
            case DANGER -> Material2OutlinedMZ.REPORT_PROBLEM;
        };
    }
}
