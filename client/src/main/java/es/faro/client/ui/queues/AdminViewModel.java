package es.faro.client.ui.queues;

import es.faro.client.sync.QueuesApi;
import es.faro.client.ui.common.TaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.api.UserRequest;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Priority;
import es.faro.protocol.model.Role;
import es.faro.protocol.model.Team;
import es.faro.protocol.model.Workqueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The admin screens (ADMIN only): workqueues (shared, with push mode), users (roles, skills,
 * capacity, password reset) and teams. Lists reload after each change and whenever the server's
 * events change the reference data, so two admins see each other's work.
 */
public final class AdminViewModel {
    private final QueuesApi api;
    private final TaskRunner tasks;

    private final ObservableList<Workqueue> workqueues = FXCollections.observableArrayList();
    private final ObservableList<Agent> users = FXCollections.observableArrayList();
    private final ObservableList<Team> teams = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<UiText> message = new ReadOnlyObjectWrapper<>(this, "message");

    // The workqueue form.
    private final StringProperty queueName = new SimpleStringProperty(this, "queueName", "");
    private final ObservableList<String> queueBrands = FXCollections.observableArrayList();
    private final ObservableList<Channel> queueChannels = FXCollections.observableArrayList();
    private final ObservableList<Priority> queuePriorities = FXCollections.observableArrayList();
    private final ObservableList<String> queueLabels = FXCollections.observableArrayList();
    private final BooleanProperty queuePush = new SimpleBooleanProperty(this, "queuePush");

    // The user form (the selected user).
    private final ObjectProperty<Agent> selectedUser = new SimpleObjectProperty<>(this, "selectedUser");
    private final ObjectProperty<Integer> userCapacity = new SimpleObjectProperty<>(this, "userCapacity", 0);
    private final StringProperty userBrands = new SimpleStringProperty(this, "userBrands", "");
    private final StringProperty userLanguages = new SimpleStringProperty(this, "userLanguages", "");
    private final ObjectProperty<Role> userRole = new SimpleObjectProperty<>(this, "userRole", Role.AGENT);
    private final StringProperty newPassword = new SimpleStringProperty(this, "newPassword", "");

    // The team form.
    private final StringProperty teamName = new SimpleStringProperty(this, "teamName", "");
    private final ObjectProperty<Agent> teamLead = new SimpleObjectProperty<>(this, "teamLead");
    private final ObservableList<Agent> teamMembers = FXCollections.observableArrayList();

    public AdminViewModel(QueuesApi api, TaskRunner tasks) {
        this.api = api;
        this.tasks = tasks;
        selectedUser.subscribe(u -> {
            if (u != null) {
                userCapacity.set(u.capacity());
                userBrands.set(String.join(", ", u.brands()));
                userLanguages.set(String.join(", ", u.languages()));
                userRole.set(u.roles().isEmpty() ? Role.AGENT : u.roles().iterator().next());
                newPassword.set("");
            }
        });
    }

    // --- state -------------------------------------------------------------------------------

    public ObservableList<Workqueue> workqueues() {
        return workqueues;
    }

    public ObservableList<Agent> users() {
        return users;
    }

    public ObservableList<Team> teams() {
        return teams;
    }

    public ReadOnlyObjectProperty<UiText> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public StringProperty queueNameProperty() {
        return queueName;
    }

    public ObservableList<String> queueBrands() {
        return queueBrands;
    }

    public ObservableList<Channel> queueChannels() {
        return queueChannels;
    }

    public ObservableList<Priority> queuePriorities() {
        return queuePriorities;
    }

    public ObservableList<String> queueLabels() {
        return queueLabels;
    }

    public BooleanProperty queuePushProperty() {
        return queuePush;
    }

    public ObjectProperty<Agent> selectedUserProperty() {
        return selectedUser;
    }

    public ObjectProperty<Integer> userCapacityProperty() {
        return userCapacity;
    }

    public StringProperty userBrandsProperty() {
        return userBrands;
    }

    public StringProperty userLanguagesProperty() {
        return userLanguages;
    }

    public ObjectProperty<Role> userRoleProperty() {
        return userRole;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public StringProperty teamNameProperty() {
        return teamName;
    }

    public ObjectProperty<Agent> teamLeadProperty() {
        return teamLead;
    }

    public ObservableList<Agent> teamMembers() {
        return teamMembers;
    }

    // --- commands ----------------------------------------------------------------------------

    /** Reads workqueues, users and teams from the server. */
    public void reload() {
        call(api::workqueues, workqueues::setAll);
        call(api::users, list -> {
            Agent selected = selectedUser.get();
            users.setAll(list);
            if (selected != null) {
                list.stream().filter(a -> a.id().equals(selected.id())).findFirst().ifPresent(selectedUser::set);
            }
        });
        call(api::teams, teams::setAll);
    }

    /** Creates a shared workqueue from the form. */
    public void createWorkqueue() {
        String name = queueName.get() == null ? "" : queueName.get().trim();
        if (name.isEmpty()) {
            message.set(UiText.of("queues.admin.nameRequired"));
            return;
        }
        int position = workqueues.stream().mapToInt(Workqueue::position).max().orElse(0) + 10;
        Workqueue q = new Workqueue(null, name, List.copyOf(queueBrands), List.copyOf(queueChannels),
                List.copyOf(queueLabels), List.copyOf(queuePriorities), null, null, Workqueue.Ordering.SLA_DUE, position,
                null, queuePush.get());
        call(() -> api.createWorkqueue(q), created -> {
            queueName.set("");
            queueBrands.clear();
            queueChannels.clear();
            queuePriorities.clear();
            queueLabels.clear();
            queuePush.set(false);
            message.set(UiText.of("queues.admin.queueCreated", created.name()));
            reload();
        });
    }

    /** Turns push mode (round-robin auto-assignment) on or off for a shared queue. */
    public void setPush(Workqueue q, boolean on) {
        Workqueue changed = new Workqueue(q.id(), q.name(), q.brands(), q.channels(), q.labels(), q.priorities(),
                q.statuses(), q.assignee(), q.ordering(), q.position(), q.owner(), on);
        call(() -> api.updateWorkqueue(changed), saved -> reload());
    }

    public void deleteWorkqueue(Workqueue q) {
        call(() -> {
            api.deleteWorkqueue(q.id());
            return q;
        }, deleted -> {
            message.set(UiText.of("queues.admin.queueDeleted", deleted.name()));
            reload();
        });
    }

    /** Saves the selected user's role, skills (brands, languages) and capacity, and a new password when typed. */
    public void saveUser() {
        Agent user = selectedUser.get();
        if (user == null) {
            return;
        }
        String password = newPassword.get() == null || newPassword.get().isEmpty() ? null : newPassword.get();
        UserRequest change = new UserRequest(null, null, Set.of(userRole.get()), split(userBrands.get()), null,
                split(userLanguages.get()), userCapacity.get(), password);
        call(() -> api.updateUser(user.id(), change), saved -> {
            newPassword.set("");
            message.set(UiText.of(password == null ? "queues.admin.userSaved" : "queues.admin.passwordReset",
                    saved.name()));
            reload();
        });
    }

    /** Creates a team from the form: the lead and the chosen members. */
    public void createTeam() {
        String name = teamName.get() == null ? "" : teamName.get().trim();
        if (name.isEmpty()) {
            message.set(UiText.of("queues.admin.nameRequired"));
            return;
        }
        Team team = new Team(null, name, teamLead.get() == null ? null : teamLead.get().id(),
                teamMembers.stream().map(Agent::id).toList());
        call(() -> api.saveTeam(team), saved -> {
            teamName.set("");
            teamMembers.clear();
            message.set(UiText.of("queues.admin.teamSaved", saved.name()));
            reload();
        });
    }

    private <T> void call(Callable<T> work, Consumer<T> done) {
        tasks.run(work, done::accept, error -> message.set(UiText.of("queues.failed",
                error.getMessage() == null ? "" : error.getMessage())));
    }

    private static List<String> split(String text) {
        List<String> items = new ArrayList<>();
        if (text != null) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    items.add(part.trim());
                }
            }
        }
        return items;
    }
}
