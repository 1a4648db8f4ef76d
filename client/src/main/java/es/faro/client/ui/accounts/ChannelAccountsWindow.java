package es.faro.client.ui.accounts;

import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.Theme;
import es.faro.protocol.model.Brand;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Channel accounts and webhook secrets in a window of their own, opened from the workstation by admins. */
public final class ChannelAccountsWindow {
    private final Stage stage = new Stage();
    private final ChannelAccountsViewModel vm;

    public ChannelAccountsWindow(ChannelAccountsViewModel vm, List<Brand> brands, I18n i18n, Theme theme,
                                 Window owner) {
        this.vm = vm;
        Scene scene = new Scene(new ChannelAccountsView(vm, brands, i18n).root(), 900, 820);
        theme.apply(scene);
        stage.setScene(scene);
        stage.setTitle(i18n.get("accounts.admin.window", i18n.get("app.name")));
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
