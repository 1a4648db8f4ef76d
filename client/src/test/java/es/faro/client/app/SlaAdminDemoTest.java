package es.faro.client.app;

import static es.faro.client.support.RunningFaro.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.support.RunningFaro;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.SlaAdminApi;
import es.faro.protocol.sla.BusinessCalendar;
import es.faro.protocol.sla.Holiday;
import es.faro.protocol.sla.SlaPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The admin's path, headless: the real application in demo mode signed in as admin opens the SLA
 * settings from the workstation, is stopped by a negative target, then sets the social networks'
 * first response to 45 minutes and adds Christmas Eve as a regional holiday, saves, and the embedded
 * server (asked over HTTP) has both.
 */
class SlaAdminDemoTest {
    @TempDir
    Path dir;
    int port;
    RunningFaro faro;
    FxRobot robot;

    @BeforeEach
    void launch() throws Exception {
        faro = RunningFaro.demo(dir, "--demo.user=admin", "--demo.traffic.rate=0.005");
        robot = faro.robot();
        port = faro.demoPort();
    }

    @AfterEach
    void close() throws Exception {
        faro.close();
    }

    private Node shown(String query) {
        return faro.shown(query);
    }

    private void clickCell(String listId, String text) {
        ListView<?> list = robot.lookup(listId).queryListView();
        robot.clickOn(robot.from(list).lookup((ListCell<?> c) -> text.equals(c.getText())).<Node>query());
    }

    private void replaceText(String fieldId, String text) {
        TextField field = robot.lookup(fieldId).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
    }

    private String status() {
        return robot.lookup("#slaadmin-status").queryAs(Label.class).getText();
    }

    @Test
    void anAdminEditsATargetAndAHolidayAndTheServerHasThem() throws Exception {
        waitFor(60, () -> robot.lookup("#open-sla-admin").match(n -> n.getScene() != null).tryQuery().isPresent());
        robot.clickOn(shown("#open-sla-admin"));
        waitFor(30, () -> robot.lookup("#slaadmin-policy-list").tryQuery().isPresent());
        assertThat(Window.getWindows()).hasSize(2);
        ListView<?> policies = robot.lookup("#slaadmin-policy-list").queryListView();
        waitFor(30, () -> policies.getItems().size() == 5);

        clickCell("#slaadmin-policy-list", "Redes sociales públicas: 83 % en 2 h");
        TextField first = robot.lookup("#policy-first").queryAs(TextField.class);
        waitFor(5, () -> "2h".equals(first.getText()));

        // A negative target is refused on screen, in words, and nothing reaches the server.
        replaceText("#policy-first", "-1h");
        robot.clickOn("#slaadmin-save");
        waitFor(5, () -> !robot.lookup("#slaadmin-problems").queryAs(VBox.class).getChildren().isEmpty());
        assertThat(((Label) robot.lookup("#slaadmin-problems").queryAs(VBox.class).getChildren().get(0)).getText())
                .contains("Redes sociales públicas").contains("Primera respuesta").contains("negativo");
        assertThat(status()).startsWith("No se ha guardado nada");
        assertThat(social(adminApi()).firstResponse()).isEqualTo(Duration.ofHours(2));

        replaceText("#policy-first", "45m");
        robot.clickOn(robot.lookup("Calendarios").<Node>query());
        waitFor(10, () -> robot.lookup("#slaadmin-calendar-list").queryListView().getItems().size() == 3);
        clickCell("#slaadmin-calendar-list", "Oficina Madrid (L–V 9–14 y 16–20, S 10–14)");
        replaceText("#calendar-SATURDAY", "10:00-14:00, 16:00-19:00");
        robot.clickOn(robot.lookup("#holiday-date .text-field").<Node>query()).write("24/12/2026");
        robot.clickOn("#holiday-name").write("Nochebuena");
        robot.clickOn("#holiday-scope");
        robot.clickOn(robot.lookup((ListCell<?> c) -> "Autonómico".equals(c.getText())).<Node>query());
        robot.clickOn("#holiday-add");
        ListView<?> holidays = robot.lookup("#calendar-holidays").queryListView();
        waitFor(5, () -> holidays.getItems().stream().anyMatch(h -> ((Holiday) h).date().equals(
                LocalDate.parse("2026-12-24"))));

        robot.clickOn("#slaadmin-save");
        waitFor(30, () -> status().startsWith("Guardado"));
        assertThat(robot.lookup("#slaadmin-problems").queryAs(VBox.class).getChildren()).isEmpty();

        SlaAdminApi api = adminApi();
        assertThat(social(api).firstResponse()).isEqualTo(Duration.ofMinutes(45));
        BusinessCalendar office = api.calendars().stream().filter(c -> c.id().equals("madrid-oficina"))
                .findFirst().orElseThrow();
        assertThat(office.namedHolidays()).contains(
                new Holiday(LocalDate.parse("2026-12-24"), "Nochebuena", Holiday.Scope.REGIONAL));
        assertThat(office.holidays()).contains(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-08"));
        assertThat(office.hours().get(java.time.DayOfWeek.SATURDAY)).hasSize(2);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    private SlaAdminApi adminApi() throws Exception {
        ApiClient api = new ApiClient(URI.create("http://127.0.0.1:" + port), ApiClient.defaultHttpClient());
        api.login("admin", "faro-demo");
        return new SlaAdminApi(api);
    }

    private static SlaPolicy social(SlaAdminApi api) throws Exception {
        return api.policies().stream().filter(p -> p.id().equals("sla-social")).findFirst().orElseThrow();
    }
}
