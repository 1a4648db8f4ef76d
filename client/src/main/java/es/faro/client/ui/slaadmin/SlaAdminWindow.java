package es.faro.client.ui.slaadmin;

import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.Theme;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The SLA admin screen in a window of its own, opened from the workstation by admins. */
public final class SlaAdminWindow {
    private final Stage stage = new Stage();
    private final SlaAdminViewModel vm;

    public SlaAdminWindow(SlaAdminViewModel vm, List<String> brandIds, I18n i18n, Theme theme, Window owner) {
        this.vm = vm;
        SlaAdminView view = new SlaAdminView(vm, brandIds, i18n);
        Scene scene = new Scene(view.root(), 1200, 860);
        theme.apply(scene);
        stage.setScene(scene);
        stage.setTitle(i18n.get("slaadmin.window", i18n.get("app.name")));
        if (owner instanceof Stage o) {
            stage.getIcons().setAll(o.getIcons());
        }
    }

    public void show() {
        vm.load();
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }
}
