package es.faro.client.ui.canned;

import atlantafx.base.theme.Styles;
import es.faro.client.cache.CacheReader;
import es.faro.client.sync.CannedApi;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.TaskRunner;
import es.faro.client.ui.keyboard.AppAction;
import es.faro.client.ui.keyboard.WorkstationActions;
import es.faro.client.ui.workstation.WorkstationView;
import es.faro.client.ui.workstation.WorkstationViewModel;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects canned responses to a signed-in workstation: counted uses go to the server, and the
 * editor opens from the status bar, the palette or Ctrl+Shift+M, in a window of its own.
 */
public final class CannedWiring {
    private static final Logger LOG = LoggerFactory.getLogger(CannedWiring.class);

    private CannedWiring() {
    }

    public static void install(WorkstationView view, WorkstationViewModel vm, CacheReader cache, CannedApi api,
                               TaskRunner tasks, I18n i18n) {
        vm.canned().useUsageRecorder(id -> tasks.run(() -> api.used(id), r -> { },
                e -> LOG.info("the use of canned response {} was not counted: {}", id, e.toString())));
        Runnable open = () -> openEditor(view, vm, cache, api, tasks, i18n);
        vm.actions().register(AppAction.of("canned/manage", "keys.action.cannedManage",
                WorkstationActions.GROUP_GENERAL, "Shortcut+Shift+M", null, open).withNode("open-canned-admin"));
        Button button = new Button(i18n.get("canned.admin.open"), new FontIcon(Material2OutlinedMZ.SHORT_TEXT));
        button.setId("open-canned-admin");
        button.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        button.setOnAction(e -> open.run());
        view.addStatusAction(button);
    }

    static void openEditor(WorkstationView view, WorkstationViewModel vm, CacheReader cache, CannedApi api,
                           TaskRunner tasks, I18n i18n) {
        CannedAdminViewModel admin = new CannedAdminViewModel(vm.me(), cache, api, tasks);
        CannedAdminView editor = new CannedAdminView(admin, vm.referenceProperty().get().visibleBrands(), i18n);
        Stage stage = new Stage();
        stage.setTitle(i18n.get("canned.admin.window"));
        Scene scene = new Scene(editor.root(), 980, 620);
        if (view.root().getScene() != null) {
            scene.getStylesheets().setAll(view.root().getScene().getStylesheets());
            stage.initOwner(view.root().getScene().getWindow());
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> admin.close());
        admin.start();
        stage.show();
    }
}
