package es.faro.client.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --screenshot=FILE.png [--screenshot.delay=PT10S] [--screenshot.exit=true]}: saves a picture of
 * the window after a delay (for the README and for looking at changes under Xvfb), then optionally quits.
 */
final class ScreenshotTaker {
    private static final Logger log = LoggerFactory.getLogger(ScreenshotTaker.class);

    private ScreenshotTaker() {
    }

    static void schedule(ClientConfig config, Scene scene) {
        config.get("screenshot").ifPresent(file -> {
            Duration delay = config.get("screenshot.delay").map(Duration::parse).orElse(Duration.ofSeconds(10));
            boolean exit = config.get("screenshot.exit").map(Boolean::parseBoolean).orElse(false);
            PauseTransition wait = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
            wait.setOnFinished(e -> {
                save(scene, Path.of(file));
                if (exit) {
                    Platform.exit();
                }
            });
            wait.play();
        });
    }

    static void save(Scene scene, Path file) {
        WritableImage image = scene.snapshot(null);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            log.info("screenshot saved to {}", file.toAbsolutePath());
        } catch (IOException e) {
            log.warn("cannot save the screenshot to {}", file, e);
        }
    }
}
