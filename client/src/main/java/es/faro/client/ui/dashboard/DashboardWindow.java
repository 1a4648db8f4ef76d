package es.faro.client.ui.dashboard;

import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import es.faro.client.ui.common.Theme;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The dashboard's own window (a second screen or a wallboard): F11 or the toggle switches wallboard
 * mode, which goes full screen; closing the window stops its live updates.
 */
public final class DashboardWindow {
    private final Stage stage = new Stage();
    private final DashboardViewModel vm;
    private final DashboardView view;

    public DashboardWindow(DashboardViewModel vm, SharedClock clock, I18n i18n, Theme theme, Window owner) {
        this.vm = vm;
        view = new DashboardView(vm, clock, i18n);
        Scene scene = new Scene(view.root(), 1600, 1000);
        theme.apply(scene);
        stage.setScene(scene);
        stage.setTitle(i18n.get("dashboard.window", i18n.get("app.name")));
        if (owner instanceof Stage o) {
            stage.getIcons().setAll(o.getIcons());
        }
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F11 || e.getCode() == KeyCode.ESCAPE && vm.wallboardProperty().get()) {
                vm.wallboardProperty().set(e.getCode() == KeyCode.F11 && !vm.wallboardProperty().get());
                e.consume();
            }
        });
        vm.wallboardProperty().subscribe(stage::setFullScreen);
        stage.setOnHidden(e -> vm.close());
    }

    /** Adds a feature's section at the end of the dashboard (e.g. the superuser leaderboard). */
    public void addSection(javafx.scene.Node section) {
        view.addSection(section);
    }

    public void show() {
        vm.start();
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }
}
