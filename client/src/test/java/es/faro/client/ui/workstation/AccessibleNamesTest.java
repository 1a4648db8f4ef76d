package es.faro.client.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.ui.common.FxTaskRunner;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import es.faro.client.ui.common.Theme;
import es.faro.protocol.model.Conversation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Screen readers: every control the keyboard can reach on the workstation (queue, list, thread,
 * actions, composer) has a name to read out — its own text, an accessible text, a prompt, or a
 * label pointing at it.
 */
@ExtendWith(ApplicationExtension.class)
class AccessibleNamesTest {
    private Path dir;
    private WorkstationFixture fx;
    private FxTaskRunner tasks;
    private SharedClock clock;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("faro-a11y");
        tasks = new FxTaskRunner(2);
        fx = new WorkstationFixture(dir, Instant.now(), tasks);
        clock = new SharedClock();
        clock.start();
        WorkstationView view = new WorkstationView(fx.vm, clock, new I18n());
        Scene scene = new Scene(view.root(), 1200, 760);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
        fx.vm.start();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(clock::stop).get();
        fx.close();
        tasks.close();
    }

    @Test
    void everyFocusableControlHasANameForTheScreenReader(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx.vm.loadedProperty().get());
        ListView<Conversation> list = robot.lookup("#conversation-list").queryListView();
        robot.clickOn("Sin asignar");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !list.getItems().isEmpty());
        robot.interact(() -> fx.vm.open(list.getItems().get(0)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#composer-text").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        Parent root = list.getScene().getRoot();
        List<Label> labels = new ArrayList<>();
        List<Control> focusable = new ArrayList<>();
        collect(root, labels, focusable);
        assertThat(focusable).hasSizeGreaterThan(8);
        List<String> unnamed = new ArrayList<>();
        for (Control c : focusable) {
            if (!named(c, labels)) {
                unnamed.add(c.getClass().getSimpleName() + (c.getId() == null ? "" : "#" + c.getId()));
            }
        }
        assertThat(unnamed).as("focusable controls without an accessible name").isEmpty();
    }

    private static void collect(Node node, List<Label> labels, List<Control> focusable) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Label l) {
            labels.add(l);
        }
        if (node instanceof Control c && c.isFocusTraversable() && !c.isDisabled()
                && !c.getStyleClass().contains("list-cell") && !c.getStyleClass().contains("scroll-bar")) {
            focusable.add(c);
        }
        if (node instanceof Parent p) {
            // Skinned controls' internals (a ComboBox's editor, a ListView's cells) belong to the control.
            if (node instanceof Control && !(node instanceof javafx.scene.control.SplitPane)
                    && !(node instanceof javafx.scene.control.ScrollPane) && !(node instanceof javafx.scene.control.ToolBar)) {
                return;
            }
            p.getChildrenUnmodifiable().forEach(child -> collect(child, labels, focusable));
        }
    }

    private static boolean named(Control c, List<Label> labels) {
        if (notBlank(c.getAccessibleText())) {
            return true;
        }
        if (c instanceof Labeled l && notBlank(l.getText())) {
            return true;
        }
        if (c instanceof TextInputControl t && notBlank(t.getPromptText())) {
            return true;
        }
        return labels.stream().anyMatch(l -> l.getLabelFor() == c);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
