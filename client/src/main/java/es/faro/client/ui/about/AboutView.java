package es.faro.client.ui.about;

import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.I18n;
import java.text.NumberFormat;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** Version, server, who is signed in, cache size, where the logs are (with a button to open the folder), Java and JavaFX. */
public final class AboutView {
    private final VBox root;

    public AboutView(AboutInfo info, I18n i18n, Consumer<java.nio.file.Path> openFolder) {
        ImageView logo = new ImageView();
        var icon = AboutView.class.getResource("/es/faro/client/icons/faro-64.png");
        if (icon != null) {
            logo.setImage(new Image(icon.toExternalForm()));
        }
        logo.setAccessibleText(i18n.get("app.name"));
        Label name = new Label(i18n.get("app.name"));
        name.getStyleClass().add(Styles.TITLE_2);
        Label version = new Label(i18n.get("about.version", info.version()));
        version.setId("about-version");
        Label tagline = new Label(i18n.get("about.tagline"));
        tagline.getStyleClass().add(Styles.TEXT_MUTED);
        VBox heading = new VBox(4, name, version, tagline);
        HBox top = new HBox(16, logo, heading);
        top.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(8);
        int row = 0;
        row = add(grid, row, i18n.get("about.server"), info.server(), "about-server");
        row = add(grid, row, i18n.get("about.agent"), info.agent() == null ? "—" : info.agent(), "about-agent");
        row = add(grid, row, i18n.get("about.cache"), info.cacheFile() == null ? "—"
                : i18n.get("about.cache.value", size(info.cacheBytes(), i18n), info.cacheFile().toString()), "about-cache");
        row = add(grid, row, i18n.get("about.logs"), info.logFolder().toString(), "about-logs");
        row = add(grid, row, i18n.get("about.settings"), info.settings().toString(), "about-settings");
        add(grid, row, i18n.get("about.runtime"), i18n.get("about.runtime.value",
                System.getProperty("java.version"), System.getProperty("javafx.runtime.version", "?")), "about-runtime");

        Button logs = new Button(i18n.get("about.openLogs"), new FontIcon(Material2OutlinedAL.FOLDER_OPEN));
        logs.setId("about-open-logs");
        logs.setTooltip(new Tooltip(info.logFolder().toString()));
        logs.setOnAction(e -> openFolder.accept(info.logFolder()));

        root = new VBox(18, top, grid, logs);
        root.setId("about");
        root.setPadding(new Insets(8, 8, 0, 8));
        root.setPrefWidth(560);
    }

    private static int add(GridPane grid, int row, String label, String value, String id) {
        Label l = new Label(label);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        Label v = new Label(value);
        v.setId(id);
        v.setWrapText(true);
        v.setMaxWidth(400);
        l.setLabelFor(v);
        grid.addRow(row, l, v);
        return row + 1;
    }

    private static String size(long bytes, I18n i18n) {
        if (bytes < 0) {
            return "?";
        }
        NumberFormat f = NumberFormat.getNumberInstance(i18n.locale());
        f.setMaximumFractionDigits(1);
        return bytes < 1024 * 1024 ? f.format(bytes / 1024.0) + " KB" : f.format(bytes / (1024.0 * 1024.0)) + " MB";
    }

    public Parent root() {
        return root;
    }
}
