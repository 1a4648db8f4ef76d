package es.faro.client.ui.queues;

import atlantafx.base.theme.Styles;
import es.faro.client.sync.QueuesApi;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import es.faro.client.ui.common.TaskRunner;
import es.faro.client.ui.workstation.WorkstationView;
import es.faro.client.ui.workstation.WorkstationViewModel;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Role;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** Wires Next, bulk actions, presence and (for admins) the admin window into the workstation screen. */
public final class QueuesFeature {
    private QueuesFeature() {
    }

    @SuppressWarnings("unchecked")
    public static void install(WorkstationView view, WorkstationViewModel workstation, QueuesViewModel queues,
                               QueuesApi api, TaskRunner tasks, SharedClock clock,
                               I18n i18n) {
        Agent me = workstation.me();
        if (me.hasRole(Role.ANALYST) && !me.hasRole(Role.AGENT) && !me.hasRole(Role.LEAD) && !me.hasRole(Role.ADMIN)) {
            return; // analysts read; they neither take work nor report presence
        }
        QueuesBar bar = new QueuesBar(queues, (ListView<Conversation>) view.conversationList(),
                () -> workstation.referenceProperty().get(), () -> workstation.sidebar().selectedQueueProperty().get(),
                () -> workstation.sidebar().brandFilterProperty().get(), clock, i18n);
        view.addStatusAction(bar.root());
        bar.attachTo(view.root(), clock);
        if (workstation.me().hasRole(Role.ADMIN)) {
            Button admin = new Button(i18n.get("queues.admin.open"), new FontIcon(Material2OutlinedAL.ADMIN_PANEL_SETTINGS));
            admin.setId("open-admin");
            admin.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            admin.setTooltip(new Tooltip(i18n.get("queues.admin.open")));
            AdminViewModel vm = new AdminViewModel(api, tasks, () -> workstation.referenceProperty().get());
            AdminWindow[] window = new AdminWindow[1];
            // The server's events change the reference data: an open admin window follows.
            workstation.referenceProperty().subscribe(ref -> {
                if (window[0] != null && window[0].stage().isShowing()) {
                    vm.reload();
                }
            });
            admin.setOnAction(e -> {
                if (window[0] == null) {
                    window[0] = new AdminWindow(vm, () -> workstation.referenceProperty().get(), i18n,
                            admin.getScene() == null ? null : admin.getScene().getWindow());
                }
                window[0].show();
            });
            view.addStatusAction(admin);
        }
    }
}
