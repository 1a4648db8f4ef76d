package es.faro.client.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven stamped into the client jar ({@code version.properties}, filtered at build time). */
public final class AppVersion {
    private static final String VERSION = read();

    private AppVersion() {
    }

    /** e.g. {@code 0.1.0-SNAPSHOT}; {@code dev} when running from classes that were not filtered. */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = AppVersion.class.getResourceAsStream("/es/faro/client/app/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
