package es.faro.client.ui.settings;

import es.faro.client.settings.UserSettings;
import es.faro.client.ui.common.Theme;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The agent's look-and-feel choices, live: the window follows these properties as they change
 * (theme, font size, language, notifications), and every change is saved to the user's settings
 * at once, so a crash loses nothing.
 */
public final class SettingsViewModel {
    public static final int MIN_FONT = 12;
    public static final int MAX_FONT = 22;
    /** AtlantaFX's own base size; 16–18 suits a 4K screen at 150 % scaling. */
    public static final int DEFAULT_FONT = 14;
    public static final List<String> LANGUAGES = List.of("es", "en");

    private final UserSettings store;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final StringProperty language = new SimpleStringProperty(this, "language", "es");
    private final IntegerProperty fontSize = new SimpleIntegerProperty(this, "fontSize", DEFAULT_FONT);
    private final BooleanProperty notifications = new SimpleBooleanProperty(this, "notifications", true);
    private final BooleanProperty sound = new SimpleBooleanProperty(this, "sound", false);

    /** Starts from the resolved values (flags and environment, then saved settings, then config files). */
    public SettingsViewModel(UserSettings store, Theme initialTheme, String initialLanguage, int initialFontSize,
                             boolean initialNotifications, boolean initialSound) {
        this.store = store;
        theme.set(initialTheme);
        language.set(normalizeLanguage(initialLanguage));
        fontSize.set(clampFont(initialFontSize));
        notifications.set(initialNotifications);
        sound.set(initialSound);
        // Change listeners (not subscribe): the starting values are not choices to write back.
        theme.addListener((o, was, t) -> save(UserSettings.THEME, t == null ? null : t.name().toLowerCase(Locale.ROOT)));
        language.addListener((o, was, l) -> save(UserSettings.LANGUAGE, l));
        fontSize.addListener((o, was, n) -> {
            int clamped = clampFont(n.intValue());
            if (clamped != n.intValue()) {
                fontSize.set(clamped);
            } else {
                save(UserSettings.FONT_SIZE, clamped);
            }
        });
        notifications.addListener((o, was, v) -> save(UserSettings.NOTIFICATIONS, v));
        sound.addListener((o, was, v) -> save(UserSettings.NOTIFICATION_SOUND, v));
    }

    public static int clampFont(int px) {
        return Math.max(MIN_FONT, Math.min(MAX_FONT, px));
    }

    public static String normalizeLanguage(String tag) {
        String l = tag == null ? "" : Locale.forLanguageTag(tag.trim()).getLanguage();
        return LANGUAGES.contains(l) ? l : "es";
    }

    private void save(String key, Object value) {
        store.set(key, value);
        store.save();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public StringProperty languageProperty() {
        return language;
    }

    public IntegerProperty fontSizeProperty() {
        return fontSize;
    }

    public BooleanProperty notificationsProperty() {
        return notifications;
    }

    public BooleanProperty soundProperty() {
        return sound;
    }

    // --- commands ----------------------------------------------------------------------------

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    public void larger() {
        fontSize.set(clampFont(fontSize.get() + 1));
    }

    public void smaller() {
        fontSize.set(clampFont(fontSize.get() - 1));
    }

    public void resetFont() {
        fontSize.set(DEFAULT_FONT);
    }
}
