package es.faro.client.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one user changed in Faro and expects back next time (server, language, theme, font size,
 * notifications, window layout, last queue), kept in {@code user-settings.properties} in the user's
 * config folder. Written whole to a temporary file and moved over the old one, so a crash or a
 * power cut leaves either the old file or the new one, never half of each. Thread-safe.
 */
public final class UserSettings {
    private static final Logger log = LoggerFactory.getLogger(UserSettings.class);
    public static final String FILE_NAME = "user-settings.properties";

    public static final String SERVER_URL = "server.url";
    public static final String LAST_USER = "last.user";
    public static final String LANGUAGE = "language";
    public static final String THEME = "theme";
    public static final String FONT_SIZE = "font.size";
    public static final String NOTIFICATIONS = "notifications.enabled";
    public static final String NOTIFICATION_SOUND = "notifications.sound";
    public static final String WINDOW_X = "window.x";
    public static final String WINDOW_Y = "window.y";
    public static final String WINDOW_WIDTH = "window.width";
    public static final String WINDOW_HEIGHT = "window.height";
    public static final String WINDOW_MAXIMIZED = "window.maximized";
    /** Comma-separated divider positions (0–1) of the workstation's split panes, outermost first. */
    public static final String DIVIDERS = "layout.dividers";
    public static final String LAST_QUEUE = "last.queue";

    private final Path file;
    private final Properties values = new Properties();

    private UserSettings(Path file) {
        this.file = file;
    }

    /** Reads {@code folder/user-settings.properties}; a missing or unreadable file means "nothing saved yet". */
    public static UserSettings load(Path folder) {
        UserSettings s = new UserSettings(folder.resolve(FILE_NAME));
        if (Files.isRegularFile(s.file)) {
            try (Reader r = Files.newBufferedReader(s.file, StandardCharsets.UTF_8)) {
                s.values.load(r);
            } catch (IOException | IllegalArgumentException e) {
                log.warn("cannot read the user settings {}; starting from the defaults", s.file, e);
                s.values.clear();
            }
        }
        return s;
    }

    public Path file() {
        return file;
    }

    public synchronized Optional<String> get(String key) {
        String v = values.getProperty(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    public Optional<Integer> getInt(String key) {
        return get(key).flatMap(v -> {
            try {
                return Optional.of(Integer.parseInt(v));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    public Optional<Double> getDouble(String key) {
        return get(key).flatMap(v -> {
            try {
                double d = Double.parseDouble(v);
                return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    public boolean getBoolean(String key, boolean fallback) {
        return get(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    /** Sets a value in memory ({@code null} removes it); {@link #save()} writes it. */
    public synchronized void set(String key, Object value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, String.valueOf(value));
        }
    }

    /** Writes every value atomically; a failure is logged, never thrown at the UI (settings are a convenience). */
    public void save() {
        String text;
        synchronized (this) {
            StringWriter out = new StringWriter();
            out.write("# Faro's per-user settings, written by the workstation. Safe to delete: Faro starts from the defaults.\n");
            new TreeMap<>(values).forEach((k, v) -> out.write(escape(k.toString(), true) + "=" + escape(v.toString(), false) + "\n"));
            text = out.toString();
        }
        try {
            writeAtomically(text);
        } catch (IOException | UncheckedIOException e) {
            log.warn("cannot save the user settings to {}", file, e);
        }
    }

    private synchronized void writeAtomically(String text) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, "settings", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The escaping Properties.store uses, without its date comment (a stable file diffs cleanly). */
    private static String escape(String s, boolean key) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '=', ':', '#', '!' -> b.append('\\').append(c);
                case ' ' -> b.append(key || i == 0 ? "\\ " : " ");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
