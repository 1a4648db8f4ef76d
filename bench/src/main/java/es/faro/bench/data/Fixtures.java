package es.faro.bench.data;

import es.faro.bench.Args;
import java.nio.file.Path;

/** Where the scenarios that read a big generated cache keep it ({@code --fixture=FILE}), and its size. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The 100k / 1M cache (smoke: 300 / 3,000), built on first use and reused by later runs. */
    public static CacheFixture.Prepared cache(Args args, Path work) throws Exception {
        int conversations = args.integer("conversations", 100_000, 300);
        long messages = args.integer("messages", 1_000_000, 3_000);
        String name = "cache-" + conversations + "-" + messages + ".db";
        Path file = Path.of(args.text("fixture", work.resolve(name).toString()));
        return CacheFixture.prepare(file, conversations, messages, work.resolve("fixture-server"));
    }

    /** The shared folder for fixtures: {@code --fixtures=DIR}, else /tmp/faro-bench. */
    public static Path folder(Args args) throws java.io.IOException {
        return java.nio.file.Files.createDirectories(Path.of(args.text("fixtures",
                System.getProperty("java.io.tmpdir") + "/faro-bench")));
    }
}
