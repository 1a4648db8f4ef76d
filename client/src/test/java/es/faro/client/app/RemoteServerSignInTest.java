package es.faro.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Message;
import es.faro.client.support.LiveServer;
import es.faro.client.support.RunningFaro;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** With a server configured, the workstation asks for credentials, refuses wrong ones in words, and opens on right ones. */
class RemoteServerSignInTest {
    @TempDir
    Path dir;
    LiveServer server;
    RunningFaro faro;
    FxRobot robot;

    @BeforeEach
    void launch() throws Exception {
        server = new LiveServer(dir.resolve("server"));
        server.tweet(server.twitterAccountOf("orange"), "7001", "Elena Prieto", "¿Me devolvéis el recargo del roaming?");
        faro = RunningFaro.against(server.uri(), dir.resolve("client"));
        robot = faro.robot();
    }

    @AfterEach
    void close() throws Exception {
        faro.close();
        server.close();
    }

    @Test
    void wrongPasswordIsExplainedAndTheRightOneOpensTheWorkstation() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#login-username").tryQuery().isPresent());
        TextField url = robot.lookup("#login-server").queryAs(TextField.class);
        assertThat(url.getText()).isEqualTo(server.uri().toString());

        robot.clickOn("#login-username").write("ana");
        robot.clickOn("#login-password").write("no-es-esta");
        robot.clickOn("#login-submit");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#login-error").tryQueryAs(Message.class)
                .map(m -> m.isVisible() && m.getDescription().contains("incorrectos")).orElse(false));

        javafx.scene.control.PasswordField password = robot.lookup("#login-password").queryAs(javafx.scene.control.PasswordField.class);
        robot.interact(password::clear);
        robot.clickOn("#login-password").write("faro-demo");
        robot.clickOn("#login-submit");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("Elena Prieto").tryQuery().isPresent());
    }
}
