package es.faro.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.support.RunningFaro;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * A second Faro on the same computer account (same data folder) says in words that Faro is already
 * open and starts nothing: no demo server, no cache. The lock goes with the first Faro.
 */
class SecondInstanceTest {
    @TempDir
    Path dir;
    RunningFaro faro;

    @AfterEach
    void close() throws Exception {
        if (faro != null) {
            faro.close();
        }
    }

    @Test
    void aSecondFaroOnTheSameDataFolderExplainsAndStartsNothing() throws Exception {
        try (InstanceLock first = InstanceLock.tryAcquire(dir).orElseThrow()) {
            assertThat(InstanceLock.tryAcquire(dir)).as("taken while the first holds it").isEmpty();
            faro = RunningFaro.demo(dir);
            FxRobot robot = faro.robot();
            int port = faro.demoPort();
            RunningFaro.waitFor(30, () -> robot.lookup("Faro ya está abierto en este equipo").tryQuery().isPresent());
            assertThat(robot.lookup("Salir").tryQuery()).isPresent();
            Thread.sleep(1_500); // a demo server would be up by now if anything had started it
            assertThat(listening(port)).as("no demo server").isFalse();
            assertThat(Files.exists(dir.resolve("demo-server"))).isFalse();
            assertThat(Files.exists(dir.resolve("cache"))).isFalse();
        }
        Optional<InstanceLock> after = InstanceLock.tryAcquire(dir);
        assertThat(after).as("free once the first Faro is gone").isPresent();
        after.get().close();
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
