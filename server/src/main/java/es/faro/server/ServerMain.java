package es.faro.server;

import es.faro.server.channels.TrafficSources;
import es.faro.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Standalone server: {@code java -jar faro-server-*-all.jar [--config PATH]}. Without
 * {@code --config} it reads config/server.properties from the working directory, else the bundled
 * copy; FARO_* environment variables override any key.
 */
public final class ServerMain {
    static {
        // Must run before the first logger exists; an explicit -Dlogback.configurationFile still wins.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "faro-server-logback.xml");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);

    private ServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path configFile = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                configFile = Path.of(args[++i]);
            } else {
                LOG.error("unknown argument {}; usage: java -jar faro-server-all.jar [--config PATH]", args[i]);
                System.exit(2);
            }
        }
        FaroServer server;
        try {
            ServerConfig config = ServerConfig.load(configFile, System.getenv(), Map.of());
            server = FaroServer.start(config, config.host(), TrafficSources.demo());
        } catch (FaroServer.StartupRefused | IllegalArgumentException | IllegalStateException e) {
            LOG.error("Faro server not started: {}", e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "faro-shutdown"));
        stopped.await();
    }
}
