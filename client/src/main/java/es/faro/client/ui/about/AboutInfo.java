package es.faro.client.ui.about;

import java.nio.file.Path;

/**
 * What the About dialog shows, gathered by the composition root when it opens.
 *
 * @param version    the client's version ({@code 0.1.0-SNAPSHOT})
 * @param server     the server's address, or a "demo" text for the embedded one
 * @param agent      who is signed in ("Ana García (ana)"), or null before sign-in
 * @param cacheFile  the agent's SQLite cache file, or null before sign-in
 * @param cacheBytes its size on disk including the WAL, or -1 when unknown
 * @param logFolder  where the rotated log files are
 * @param settings   the user's settings file
 */
public record AboutInfo(String version, String server, String agent, Path cacheFile, long cacheBytes,
                        Path logFolder, Path settings) {
}
