package es.faro.client.ui.automation;

import es.faro.client.sync.ApiClient;
import es.faro.client.sync.AutomationApi;
import es.faro.client.sync.SyncEngine;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import es.faro.client.ui.common.TaskRunner;
import es.faro.client.ui.workstation.ThreadViewModel;
import es.faro.client.ui.workstation.WorkstationView;
import es.faro.client.ui.workstation.WorkstationViewModel;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import java.util.List;

/**
 * Issue 4's collision and customer features in the workstation, wired in one place: presence leases
 * and who else is in the conversation, label suggestions, and the customer panel. The composition
 * root calls {@link #attach} once the workstation's view model exists and {@link #decorate} on each
 * view built for it.
 */
public final class AutomationFeature {
    private final WorkstationViewModel workstation;
    private final PresenceViewModel presence;
    private final SuggestionsViewModel suggestions;
    private final CustomerPanelViewModel customer;
    private final Agent me;
    private final AutomationApi api;
    private final TaskRunner tasks;
    private java.util.function.Supplier<List<es.faro.protocol.model.CannedResponse>> canned = List::of;

    private AutomationFeature(Agent me, AutomationApi api, TaskRunner tasks, WorkstationViewModel workstation,
                              PresenceViewModel presence, SuggestionsViewModel suggestions,
                              CustomerPanelViewModel customer) {
        this.me = me;
        this.api = api;
        this.tasks = tasks;
        this.workstation = workstation;
        this.presence = presence;
        this.suggestions = suggestions;
        this.customer = customer;
    }

    public static AutomationFeature attach(Agent me, ApiClient apiClient, SyncEngine sync,
                                           WorkstationViewModel workstation, SharedClock clock, TaskRunner tasks) {
        AutomationApi api = new AutomationApi(apiClient);
        ThreadViewModel thread = workstation.thread();
        PresenceViewModel presence = new PresenceViewModel(me.id(), api::presence, tasks,
                id -> workstation.referenceProperty().get().agent(id).map(Agent::name).orElse(id));
        SuggestionsViewModel suggestions = new SuggestionsViewModel(api::suggestions, tasks, label -> {
            Conversation open = thread.conversationProperty().get();
            if (open != null && !open.labels().contains(label)) {
                thread.toggleLabel(label);
            }
        });
        CustomerPanelViewModel customer = new CustomerPanelViewModel(api, tasks);
        thread.conversationProperty().subscribe(c -> {
            presence.open(c);
            suggestions.open(c);
            customer.open(c);
        });
        thread.composer().textProperty().subscribe((was, now) -> {
            if (now != null && !now.isBlank() && !now.equals(was)) {
                presence.typed();
            }
        });
        clock.nowProperty().subscribe(presence::tick);
        sync.addReceivedListener((List<es.faro.protocol.event.Event> events) -> {
            presence.onEvents(events);
            customer.onEvents(events);
        });
        return new AutomationFeature(me, api, tasks, workstation, presence, suggestions, customer);
    }

    /** Adds the presence and suggestions row to the thread header and the customer panel beside the thread. */
    public void decorate(WorkstationView view, I18n i18n) {
        java.util.function.Function<String, String> labelName = id -> workstation.referenceProperty().get().labelName(id);
        view.addThreadHeaderRow(PresenceBar.create(presence, suggestions, labelName, i18n));
        view.addSidePanel(new CustomerPanelView(customer, labelName, i18n).root());
        if (me.hasRole(es.faro.protocol.model.Role.ADMIN)) {
            javafx.scene.control.Button rules = new javafx.scene.control.Button(i18n.get("automation.rules.open"));
            rules.setId("open-rules");
            rules.getStyleClass().addAll(atlantafx.base.theme.Styles.SMALL, atlantafx.base.theme.Styles.FLAT);
            rules.setOnAction(e -> openRules(view, i18n));
            view.addStatusAction(rules);
        }
    }

    /** Where the rules editor finds the canned responses an auto-reply may send (read off the UI thread). */
    public void useCannedResponses(java.util.function.Supplier<List<es.faro.protocol.model.CannedResponse>> source) {
        this.canned = source;
    }

    /** The rules editor in a window of its own (admins only). */
    private void openRules(WorkstationView view, I18n i18n) {
        RulesAdminViewModel vm = new RulesAdminViewModel(api, tasks, () -> {
            es.faro.client.ui.workstation.ReferenceIndex ref = workstation.referenceProperty().get();
            return new RuleOptions(ref.visibleBrands(), ref.labels(), ref.visibleQueues(), ref.agents(), canned.get());
        });
        javafx.stage.Stage stage = new javafx.stage.Stage();
        stage.setTitle(i18n.get("automation.rules.title"));
        javafx.scene.Scene scene = new javafx.scene.Scene(new RulesAdminView(vm, i18n).root());
        if (view.root().getScene() != null) {
            scene.getStylesheets().setAll(view.root().getScene().getStylesheets());
            // The theme (light, dark) is a class on the window's root: the editor follows it.
            scene.getRoot().getStyleClass().addAll(view.root().getScene().getRoot().getStyleClass()
                    .filtered(c -> c.startsWith("theme")));
            stage.initOwner(view.root().getScene().getWindow());
        }
        stage.setScene(scene);
        stage.show();
        vm.load();
    }

    public PresenceViewModel presence() {
        return presence;
    }

    public SuggestionsViewModel suggestions() {
        return suggestions;
    }

    public CustomerPanelViewModel customer() {
        return customer;
    }
}
