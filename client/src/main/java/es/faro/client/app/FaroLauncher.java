package es.faro.client.app;

import java.nio.file.Path;
import javafx.application.Application;

/**
 * The workstation's main class. It is not the {@link Application} itself so that it starts from a
 * plain class path, and it points logging at the user's log folder before anything logs.
 */
public final class FaroLauncher {
    private FaroLauncher() {
    }

    public static void main(String[] args) {
        if (VersionCommand.requested(args)) {
            VersionCommand.print();
            return;
        }
        Path logs = dataDir(args).resolve("logs");
        System.setProperty("faro.log.dir", logs.toString());
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "faro-client-logback.xml");
        }
        Application.launch(FaroApp.class, args);
        // FaroApp.stop() has closed the session, the cache and any demo server; a start-up still
        // running in the background must not keep the process alive after the window is gone.
        System.exit(0);
    }

    /** The data folder from {@code --data.dir=…} or FARO_DATA_DIR, else the platform's per-user folder. */
    static Path dataDir(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--data.dir=") && arg.length() > "--data.dir=".length()) {
                return Path.of(arg.substring("--data.dir=".length()));
            }
        }
        String env = System.getenv("FARO_DATA_DIR");
        return env != null && !env.isBlank() ? Path.of(env) : AppDirs.forCurrentUser().data();
    }
}
