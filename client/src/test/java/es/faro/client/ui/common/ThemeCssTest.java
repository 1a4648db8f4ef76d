package es.faro.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** faro.css parses cleanly and its -color-* lookups resolve under both the light and the dark theme. */
@ExtendWith(ApplicationExtension.class)
class ThemeCssTest {
    private Scene scene;
    private Label breached;
    private Label ok;

    @Start
    void start(Stage stage) {
        breached = new Label("-12 min");
        breached.getStyleClass().addAll("sla", "sla-breached");
        ok = new Label("1 h 05 min");
        ok.getStyleClass().addAll("sla", "sla-ok");
        scene = new Scene(new StackPane(breached, ok), 200, 100);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void appStylesheetParsesWithoutErrors() throws Exception {
        CssParser.errorsProperty().clear();
        URL url = new URL(Theme.appStylesheet());
        Stylesheet sheet = new CssParser().parse(url);
        assertThat(sheet.getRules()).hasSizeGreaterThan(40);
        assertThat(CssParser.errorsProperty()).isEmpty();
    }

    @Test
    void colorsFollowTheThemeInLightAndDark() throws Exception {
        Paint[] light = onFx(Theme.LIGHT);
        Paint[] dark = onFx(Theme.DARK);
        onFx(Theme.LIGHT);

        assertThat(scene.getStylesheets()).containsExactly(Theme.appStylesheet());
        assertThat(light[0]).isNotNull().isNotEqualTo(Color.BLACK);
        assertThat(dark[0]).isNotNull().isNotEqualTo(light[0]);
        assertThat(light[1]).isNotNull();
        assertThat(dark[1]).isNotNull().isNotEqualTo(light[1]);
    }

    /** Applies a theme and reads the OK text colour and the breached background. */
    private Paint[] onFx(Theme theme) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            theme.apply(scene);
            scene.getRoot().applyCss();
            Paint bg = breached.getBackground() == null ? null : breached.getBackground().getFills().get(0).getFill();
            return new Paint[] {ok.getTextFill(), bg};
        }).get();
    }
}
