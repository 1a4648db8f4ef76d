package es.faro.client.ui.tools;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javax.imageio.ImageIO;

/** What the screenshot tools share: Monocle's headless screen, and a scene saved as a PNG. */
final class HeadlessScreens {
    private HeadlessScreens() {
    }

    /** Call before JavaFX starts: software rendering on a 1600×1000 headless screen. */
    static void useMonocle() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    /** Renders {@code scene} on the FX thread and writes it to {@code file}. */
    static void snapshot(Scene scene, Path file) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", new File(file.toString()));
                done.complete(null);
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        });
        done.get(20, TimeUnit.SECONDS);
    }
}
