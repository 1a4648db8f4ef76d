package es.faro.client.ui.keyboard;

import java.util.Locale;

/** Shortcut texts as people read them ("Ctrl+K", "E", "?"), from the registry's combination strings. */
public final class Shortcuts {
    private static final boolean MAC = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");

    private Shortcuts() {
    }

    public static String display(String combination) {
        if (combination == null || combination.isEmpty()) {
            return "";
        }
        return combination.replace("Shortcut", MAC ? "\u2318" : "Ctrl");
    }
}
