package es.faro.client.ui.queues;

import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.workstation.ReferenceIndex;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Role;
import es.faro.protocol.model.Team;
import es.faro.protocol.model.Workqueue;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The admin screens in a window of their own: workqueues, users, teams. */
public final class AdminWindow {
    private final Stage stage = new Stage();
    private final AdminViewModel vm;

    public AdminWindow(AdminViewModel vm, Supplier<ReferenceIndex> reference, I18n i18n, Window owner) {
        this.vm = vm;
        TabPane tabs = new TabPane(
                tab(i18n.get("queues.admin.workqueues"), workqueues(reference.get(), i18n)),
                tab(i18n.get("queues.admin.users"), users(reference.get(), i18n)),
                tab(i18n.get("queues.admin.teams"), teams(i18n)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Label message = new Label();
        message.setId("admin-message");
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(vm.messageProperty().map(i18n::get).orElse(""));
        BorderPane root = new BorderPane(tabs, null, null, message, null);
        root.getStyleClass().add("queues-admin");
        BorderPane.setMargin(message, new Insets(6, 12, 6, 12));
        Scene scene = new Scene(root, 960, 640);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            scene.getRoot().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass().filtered(c -> c.startsWith("theme")));
        }
        if (owner instanceof Stage o) {
            stage.getIcons().setAll(o.getIcons());
        }
        stage.setScene(scene);
        stage.setTitle(i18n.get("queues.admin.window", i18n.get("app.name")));
    }

    public void show() {
        vm.reload();
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        return t;
    }

    // --- workqueues ---------------------------------------------------------------------------

    private javafx.scene.Node workqueues(ReferenceIndex ref, I18n i18n) {
        ListView<Workqueue> list = new ListView<>(vm.workqueues());
        list.setId("admin-workqueues");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Workqueue q, boolean empty) {
                super.updateItem(q, empty);
                setText(empty || q == null ? null : q.name() + (q.pushMode() ? " · " + i18n.get("queues.admin.push") : "")
                        + (q.owner() != null ? " · " + i18n.get("queues.admin.personal") : ""));
            }
        });
        Button delete = new Button(i18n.get("queues.admin.delete"));
        delete.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> vm.deleteWorkqueue(list.getSelectionModel().getSelectedItem()));
        Button push = new Button(i18n.get("queues.admin.togglePush"));
        push.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        push.setOnAction(e -> {
            Workqueue q = list.getSelectionModel().getSelectedItem();
            vm.setPush(q, !q.pushMode());
        });

        // Selecting a queue loads every part of its filter into the form; "New" starts an empty one.
        list.getSelectionModel().selectedItemProperty().subscribe(q -> {
            if (q != null) {
                vm.selectedQueueProperty().set(q);
            }
        });
        vm.selectedQueueProperty().subscribe(q -> {
            if (q == null) {
                list.getSelectionModel().clearSelection();
            }
        });
        QueueFilterEditor editor = new QueueFilterEditor(vm.queueForm(), ref, i18n, "admin-queue-", true);
        Label heading = new Label();
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.textProperty().bind(vm.selectedQueueProperty().map(q -> i18n.get("queues.filter.editing", q.name()))
                .orElse(i18n.get("queues.filter.creating")));
        Button save = new Button(i18n.get("queues.admin.save"));
        save.setId("admin-queue-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.setOnAction(e -> vm.saveWorkqueue());
        Button create = new Button(i18n.get("queues.admin.create"));
        create.setId("admin-queue-create");
        create.setOnAction(e -> vm.createWorkqueue());
        Button fresh = new Button(i18n.get("queues.filter.new"));
        fresh.setId("admin-queue-new");
        fresh.getStyleClass().add(Styles.BUTTON_OUTLINED);
        fresh.setOnAction(e -> vm.newWorkqueue());
        save.visibleProperty().bind(vm.selectedQueueProperty().isNotNull());
        save.managedProperty().bind(save.visibleProperty());
        create.visibleProperty().bind(vm.selectedQueueProperty().isNull());
        create.managedProperty().bind(create.visibleProperty());
        create.getStyleClass().add(Styles.ACCENT);

        VBox form = new VBox(10, heading, editor.root(), new HBox(8, save, create, fresh));
        form.setMinWidth(440);
        HBox.setHgrow(form, javafx.scene.layout.Priority.ALWAYS);
        list.setPrefWidth(300);
        VBox left = new VBox(6, list, new HBox(6, push, delete));
        VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
        HBox box = new HBox(16, left, form);
        box.setPadding(new Insets(12));
        return box;
    }

    // --- users --------------------------------------------------------------------------------

    private javafx.scene.Node users(ReferenceIndex ref, I18n i18n) {
        ListView<Agent> list = new ListView<>(vm.users());
        list.setId("admin-users");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Agent a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.name() + " (" + a.username() + ") · " + a.roles()
                        + " · " + i18n.get("queues.admin.capacityShort", a.capacity()));
            }
        });
        list.getSelectionModel().selectedItemProperty().subscribe(a -> {
            if (a != null) {
                vm.selectedUserProperty().set(a);
            }
        });
        ComboBox<Role> role = new ComboBox<>();
        role.getItems().setAll(Role.values());
        role.valueProperty().bindBidirectional(vm.userRoleProperty());
        Spinner<Integer> capacity = new Spinner<>(0, 100, 0);
        capacity.setId("admin-user-capacity");
        capacity.setEditable(true);
        capacity.getValueFactory().valueProperty().bindBidirectional(vm.userCapacityProperty());
        TextField brands = new TextField();
        brands.setPromptText(String.join(", ", ref.visibleBrands().stream().map(Brand::id).toList()));
        brands.textProperty().bindBidirectional(vm.userBrandsProperty());
        TextField languages = new TextField();
        languages.setPromptText("es, en");
        languages.textProperty().bindBidirectional(vm.userLanguagesProperty());
        PasswordField password = new PasswordField();
        password.setId("admin-user-password");
        password.setPromptText(i18n.get("queues.admin.passwordPrompt"));
        password.textProperty().bindBidirectional(vm.newPasswordProperty());
        Button save = new Button(i18n.get("queues.admin.save"));
        save.setId("admin-user-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(vm.selectedUserProperty().isNull());
        save.setOnAction(e -> vm.saveUser());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label(i18n.get("queues.admin.role")), role);
        form.addRow(1, new Label(i18n.get("queues.admin.brands")), brands);
        form.addRow(2, new Label(i18n.get("queues.admin.languages")), languages);
        form.addRow(3, new Label(i18n.get("queues.admin.capacity")), capacity);
        form.addRow(4, new Label(i18n.get("queues.admin.password")), password);
        form.addRow(5, new Label(), save);
        HBox box = new HBox(16, list, form);
        box.setPadding(new Insets(12));
        return box;
    }

    // --- teams --------------------------------------------------------------------------------

    private javafx.scene.Node teams(I18n i18n) {
        ListView<Team> list = new ListView<>(vm.teams());
        list.setId("admin-teams");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Team t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.name() + " · " + i18n.get("queues.admin.members", t.members().size()));
            }
        });
        TextField name = new TextField();
        name.setPromptText(i18n.get("queues.admin.name"));
        name.textProperty().bindBidirectional(vm.teamNameProperty());
        ComboBox<Agent> lead = new ComboBox<>(vm.users().filtered(a -> a.hasRole(Role.LEAD) || a.hasRole(Role.ADMIN)));
        StringConverter<Agent> byName = es.faro.client.ui.common.DisplayConverter.nonNull(Agent::name);
        lead.setConverter(byName);
        lead.valueProperty().bindBidirectional(vm.teamLeadProperty());
        ListView<Agent> members = new ListView<>(vm.users());
        members.setPrefHeight(160);
        members.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        members.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Agent a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.name());
            }
        });
        members.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Agent>) c ->
                vm.teamMembers().setAll(members.getSelectionModel().getSelectedItems()));
        Button create = new Button(i18n.get("queues.admin.create"));
        create.getStyleClass().add(Styles.ACCENT);
        create.setOnAction(e -> vm.createTeam());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label(i18n.get("queues.admin.name")), name);
        form.addRow(1, new Label(i18n.get("queues.admin.lead")), lead);
        form.addRow(2, new Label(i18n.get("queues.admin.teamMembers")), members);
        form.addRow(3, new Label(), create);
        HBox box = new HBox(16, list, form);
        box.setPadding(new Insets(12));
        return box;
    }
}
