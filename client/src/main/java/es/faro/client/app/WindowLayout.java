package es.faro.client.app;

import es.faro.client.settings.UserSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window's place, size and maximized state, and the split panes' dividers, saved in the user's
 * settings and put back next time. A saved position on a monitor that is no longer attached is
 * ignored (the window opens where the platform puts it) rather than opening off-screen.
 */
final class WindowLayout {
    private static final double MIN_WIDTH = 640;
    private static final double MIN_HEIGHT = 480;

    private WindowLayout() {
    }

    static void restore(Stage stage, UserSettings settings) {
        settings.getDouble(UserSettings.WINDOW_WIDTH).filter(w -> w >= MIN_WIDTH).ifPresent(stage::setWidth);
        settings.getDouble(UserSettings.WINDOW_HEIGHT).filter(h -> h >= MIN_HEIGHT).ifPresent(stage::setHeight);
        var x = settings.getDouble(UserSettings.WINDOW_X);
        var y = settings.getDouble(UserSettings.WINDOW_Y);
        if (x.isPresent() && y.isPresent() && onSomeScreen(x.get(), y.get())) {
            stage.setX(x.get());
            stage.setY(y.get());
        }
        stage.setMaximized(settings.getBoolean(UserSettings.WINDOW_MAXIMIZED, false));
    }

    /** Records the window as it is now (the size before maximizing is kept when maximized). */
    static void capture(Stage stage, UserSettings settings) {
        settings.set(UserSettings.WINDOW_MAXIMIZED, stage.isMaximized());
        if (!stage.isMaximized() && !stage.isIconified() && stage.getWidth() > 0) {
            settings.set(UserSettings.WINDOW_X, round(stage.getX()));
            settings.set(UserSettings.WINDOW_Y, round(stage.getY()));
            settings.set(UserSettings.WINDOW_WIDTH, round(stage.getWidth()));
            settings.set(UserSettings.WINDOW_HEIGHT, round(stage.getHeight()));
        }
    }

    static void captureDividers(Parent root, UserSettings settings) {
        List<String> positions = new ArrayList<>();
        for (SplitPane split : splitPanes(root)) {
            for (double d : split.getDividerPositions()) {
                positions.add(String.format(Locale.ROOT, "%.4f", d));
            }
        }
        if (!positions.isEmpty()) {
            settings.set(UserSettings.DIVIDERS, String.join(",", positions));
        }
    }

    static void restoreDividers(Parent root, UserSettings settings) {
        String saved = settings.get(UserSettings.DIVIDERS).orElse(null);
        if (saved == null) {
            return;
        }
        String[] parts = saved.split(",");
        int i = 0;
        for (SplitPane split : splitPanes(root)) {
            int n = split.getDividers().size();
            for (int d = 0; d < n && i < parts.length; d++, i++) {
                try {
                    double p = Double.parseDouble(parts[i].trim());
                    if (p > 0.05 && p < 0.95) {
                        split.setDividerPosition(d, p);
                    }
                } catch (NumberFormatException e) {
                    return;
                }
            }
        }
    }

    private static List<SplitPane> splitPanes(Parent root) {
        List<SplitPane> result = new ArrayList<>();
        collect(root, result);
        return result;
    }

    private static void collect(Node node, List<SplitPane> into) {
        if (node instanceof SplitPane split) {
            into.add(split);
            split.getItems().forEach(item -> collect(item, into));
        } else if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collect(child, into));
        }
    }

    private static boolean onSomeScreen(double x, double y) {
        for (Screen s : Screen.getScreens()) {
            Rectangle2D b = s.getVisualBounds();
            if (b.contains(x + 40, y + 20)) {
                return true;
            }
        }
        return false;
    }

    private static long round(double v) {
        return Math.round(v);
    }
}
