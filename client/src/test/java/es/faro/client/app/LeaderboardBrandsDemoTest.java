package es.faro.client.app;

import static es.faro.client.support.RunningFaro.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.support.RunningFaro;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The demo admin has no brand skills of their own (admins see every brand): the dashboard's
 * superuser leaderboard still offers every brand to filter by, not only "all brands".
 */
class LeaderboardBrandsDemoTest {
    @TempDir
    Path dir;
    RunningFaro faro;
    FxRobot robot;

    @BeforeEach
    void launch() throws Exception {
        faro = RunningFaro.demo(dir, "--demo.user=admin", "--demo.traffic.rate=0.005");
        robot = faro.robot();
    }

    @AfterEach
    void close() throws Exception {
        faro.close();
    }

    @Test
    void anAdminFiltersTheLeaderboardByAnyBrand() throws Exception {
        waitFor(60, () -> robot.lookup("#open-dashboard").match(n -> n.getScene() != null).tryQuery().isPresent());
        robot.clickOn(robot.lookup("#open-dashboard").match(n -> n.getScene() != null).<Node>query());
        waitFor(30, () -> robot.lookup("#leaderboard-brand").tryQuery().isPresent());
        ComboBox<String> brand = robot.lookup("#leaderboard-brand").queryComboBox();
        assertThat(brand.getItems()).startsWith((String) null)
                .contains("orange", "jazztel", "amena", "simyo", "republica");
    }
}
