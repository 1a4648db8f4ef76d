package es.faro.client.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.net.URL;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * Light or dark: the AtlantaFX Primer theme as the user-agent stylesheet, plus Faro's one app
 * stylesheet ({@code faro.css}), which only uses the theme's {@code -color-*} variables and so
 * follows either theme.
 */
public enum Theme {
    LIGHT, DARK;

    public static final String APP_STYLESHEET = "/es/faro/client/ui/faro.css";

    /** From the configured {@code theme} value ({@code light}/{@code dark}); anything else is light. */
    public static Theme fromConfig(String value) {
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("dark") ? DARK : LIGHT;
    }

    public String userAgentStylesheet() {
        return this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    public static String appStylesheet() {
        URL url = Objects.requireNonNull(Theme.class.getResource(APP_STYLESHEET), "faro.css missing from the classpath");
        return url.toExternalForm();
    }

    /** Switches the whole application to this theme and makes sure the scene carries the app stylesheet. */
    public void apply(Scene scene) {
        Application.setUserAgentStylesheet(userAgentStylesheet());
        String app = appStylesheet();
        if (!scene.getStylesheets().contains(app)) {
            scene.getStylesheets().add(app);
        }
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }
}
