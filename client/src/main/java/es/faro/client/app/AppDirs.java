package es.faro.client.app;

import java.nio.file.Path;
import java.util.Locale;

/** Where Faro keeps per-user data (cache, demo server, logs) and settings, following each platform's custom. */
public record AppDirs(Path data, Path config) {

    public static AppDirs forCurrentUser() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            Path base = appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return new AppDirs(base.resolve("Faro"), base.resolve("Faro"));
        }
        if (os.contains("mac")) {
            Path base = home.resolve("Library").resolve("Application Support").resolve("Faro");
            return new AppDirs(base, base);
        }
        String xdgData = System.getenv("XDG_DATA_HOME");
        String xdgConfig = System.getenv("XDG_CONFIG_HOME");
        return new AppDirs(
                (xdgData != null && !xdgData.isBlank() ? Path.of(xdgData) : home.resolve(".local").resolve("share")).resolve("faro"),
                (xdgConfig != null && !xdgConfig.isBlank() ? Path.of(xdgConfig) : home.resolve(".config")).resolve("faro"));
    }

    public Path logs() {
        return data.resolve("logs");
    }

    public Path caches() {
        return data.resolve("cache");
    }
}
