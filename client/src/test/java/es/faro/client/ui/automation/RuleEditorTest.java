package es.faro.client.ui.automation;

import static es.faro.client.support.RunningFaro.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.support.LiveServer;
import es.faro.client.support.RunningFaro;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.AutomationApi;
import es.faro.protocol.automation.AutomationRule;
import es.faro.protocol.model.Conversation;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.PopupWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The real application against a real server, headless: the admin opens the rules editor, builds a
 * rule from rows (brand is Orange, message text contains "zanahoria" → add the label Cobertura), sees a
 * mistake refused in words first, saves, and a new inbound tweet to Orange gets the label from the
 * server while the same words to Jazztel do not.
 */
class RuleEditorTest {
    @TempDir
    Path dir;
    LiveServer server;
    RunningFaro faro;
    FxRobot robot;

    @BeforeEach
    void launch() throws Exception {
        server = new LiveServer(dir.resolve("server"));
        faro = RunningFaro.against(server.uri(), dir.resolve("client"));
        robot = faro.robot();
        faro.signIn("admin");
        waitFor(30, () -> robot.lookup("#open-rules").tryQuery().isPresent());
    }

    @AfterEach
    void close() throws Exception {
        faro.close();
        server.close();
    }

    /** Clicks the item named {@code text} in the open combo or check-combo popup. */
    private void pick(String text) throws Exception {
        waitFor(5, () -> robot.lookup((Node n) -> isPopupItem(n, text)).tryQuery().isPresent());
        Node item = robot.lookup((Node n) -> isPopupItem(n, text)).query();
        robot.clickOn(item);
    }

    private static boolean isPopupItem(Node n, String text) {
        return n instanceof ListCell<?> c && text.equals(c.getText()) && n.getScene() != null
                && n.getScene().getWindow() instanceof PopupWindow && n.getScene().getWindow().isShowing();
    }

    /** Clicks the node with {@code id} that is on screen (rows are redrawn: an old one may linger detached). */
    private org.testfx.api.FxRobotInterface click(String id) throws Exception {
        waitFor(10, () -> live(id) != null);
        return robot.clickOn(live(id));
    }

    private Node live(String id) {
        return robot.lookup(id).queryAll().stream().filter(n -> n.getScene() != null && n.isVisible()
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).findFirst().orElse(null);
    }

    private String errorText() {
        return robot.lookup("#rule-error").queryLabeled().getText();
    }

    private Conversation tweetTo(String brand, String text) throws Exception {
        String customer = "c-" + UUID.randomUUID().toString().substring(0, 8);
        server.tweet(server.twitterAccountOf(brand), customer, "Cliente " + customer, text);
        ApiClient lead = server.signedIn("lucia");
        return lead.bootstrap(null).conversations().stream()
                .filter(c -> c.customerName().equals("Cliente " + customer)).findFirst().orElseThrow();
    }

    @Test
    void anAdminBuildsARuleFromRowsAndTheServerAppliesItToTheNextMessage() throws Exception {
        click("#open-rules");
        waitFor(20, () -> robot.lookup("#rules-list").tryQuery().isPresent()
                && !robot.lookup("#rules-list").queryListView().getItems().isEmpty());
        int before = robot.lookup("#rules-list").queryListView().getItems().size();

        click("#rule-new");
        click("#rule-name").write("Zanahorias de Orange");
        // Condition 1: the brand (the new row's default field) is Orange.
        click("#rule-condition-0-value");
        pick("Orange");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        // Saving now is refused in words: the action has no label yet.
        click("#rule-save");
        waitFor(5, () -> errorText().equals("Acción 1: elige la etiqueta que añadir"));

        // Condition 2: the message text contains "zanahoria".
        click("#rule-add-condition");
        click("#rule-condition-1-field");
        pick("Texto del mensaje");
        waitFor(5, () -> robot.lookup("#rule-condition-1-value").tryQuery().isPresent());
        click("#rule-condition-1-value").write("zanahoria");
        // The action: add the label Cobertura.
        click("#rule-action-0-value");
        pick("Cobertura");
        click("#rule-save");

        waitFor(20, () -> robot.lookup("#rules-list").queryListView().getItems().size() == before + 1);
        assertThat(errorText()).isEmpty();
        AutomationRule saved = new AutomationApi(server.signedIn("admin")).rules().stream()
                .filter(r -> r.name().equals("Zanahorias de Orange")).findFirst().orElseThrow();
        assertThat(saved.trigger()).isEqualTo(AutomationRule.ON_MESSAGE);
        assertThat(saved.conditions()).containsExactly(
                new AutomationRule.Condition("brand", "in", List.of("orange")),
                new AutomationRule.Condition("text", "contains", List.of("zanahoria")));
        assertThat(saved.actions()).containsExactly(new AutomationRule.Action("add_label", "cobertura"));

        assertThat(tweetTo("orange", "Quiero la zanahoria del escaparate").labels()).contains("cobertura");
        assertThat(tweetTo("jazztel", "Quiero la zanahoria del escaparate").labels()).doesNotContain("cobertura");
        ListView<?> list = robot.lookup("#rules-list").queryListView();
        assertThat(list.getItems()).hasSize(before + 1);
    }
}
