package es.faro.client.ui.queues;

import es.faro.client.sync.ApiException;
import es.faro.client.sync.QueuesApi;
import es.faro.client.ui.common.TaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.client.ui.workstation.ReferenceIndex;
import es.faro.protocol.api.UserRequest;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Priority;
import es.faro.protocol.model.Role;
import es.faro.protocol.model.Team;
import es.faro.protocol.model.Workqueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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

    // The workqueue form: a new queue when nothing is selected, else the selected queue's filter.
    private final QueueFilterForm queueForm = new QueueFilterForm();
    private final ObjectProperty<Workqueue> selectedQueue = new SimpleObjectProperty<>(this, "selectedQueue");
    private final Supplier<ReferenceIndex> reference;

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
        this(api, tasks, () -> null);
    }

    /** {@code reference} (brands, labels, agents) lets the form refuse a filter before the server does. */
    public AdminViewModel(QueuesApi api, TaskRunner tasks, Supplier<ReferenceIndex> reference) {
        this.api = api;
        this.tasks = tasks;
        this.reference = reference;
        selectedQueue.subscribe(q -> {
            if (q == null) {
                queueForm.clear();
            } else {
                queueForm.load(q);
            }
        });
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

    /** The workqueue being created or edited. */
    public QueueFilterForm queueForm() {
        return queueForm;
    }

    /** The queue being edited; null while creating a new one. */
    public ObjectProperty<Workqueue> selectedQueueProperty() {
        return selectedQueue;
    }

    public StringProperty queueNameProperty() {
        return queueForm.nameProperty();
    }

    public ObservableList<String> queueBrands() {
        return queueForm.brands();
    }

    public ObservableList<Channel> queueChannels() {
        return queueForm.channels();
    }

    public ObservableList<Priority> queuePriorities() {
        return queueForm.priorities();
    }

    public ObservableList<String> queueLabels() {
        return queueForm.labels();
    }

    public BooleanProperty queuePushProperty() {
        return queueForm.pushProperty();
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
        call(api::workqueues, list -> {
            workqueues.setAll(list);
            Workqueue editing = selectedQueue.get();
            if (editing != null) {
                // Another admin may have removed it meanwhile; then the form starts a new queue.
                Optional<Workqueue> now = list.stream().filter(q -> q.id().equals(editing.id())).findFirst();
                if (now.isEmpty()) {
                    selectedQueue.set(null);
                }
            }
        });
        call(api::users, list -> {
            Agent selected = selectedUser.get();
            users.setAll(list);
            if (selected != null) {
                list.stream().filter(a -> a.id().equals(selected.id())).findFirst().ifPresent(selectedUser::set);
            }
        });
        call(api::teams, teams::setAll);
    }

    /** Starts a new shared queue in the form. */
    public void newWorkqueue() {
        selectedQueue.set(null);
        queueForm.clear();
    }

    /** Creates a shared workqueue from the form (whatever is selected). */
    public void createWorkqueue() {
        selectedQueue.set(null);
        saveWorkqueue();
    }

    /**
     * Saves the form: a new shared queue when nothing is selected, else every part of the selected
     * queue's filter and ordering. Refused here in words when the filter is wrong; the server's 400
     * is shown when it still refuses.
     */
    public void saveWorkqueue() {
        Workqueue editing = selectedQueue.get();
        boolean personal = editing != null && editing.personal();
        Optional<UiText> problem = queueForm.problem(reference.get(), personal);
        if (problem.isPresent()) {
            message.set(problem.get());
            return;
        }
        if (editing == null) {
            int position = workqueues.stream().mapToInt(Workqueue::position).max().orElse(0) + 10;
            Workqueue q = queueForm.toWorkqueue(null, position, null);
            call(() -> api.createWorkqueue(q), created -> {
                queueForm.clear();
                message.set(UiText.of("queues.admin.queueCreated", created.name()));
                reload();
            });
        } else {
            Workqueue q = queueForm.toWorkqueue(editing.id(), editing.position(), editing.owner());
            call(() -> api.updateWorkqueue(q), saved -> {
                selectedQueue.set(saved);
                message.set(UiText.of("queues.admin.queueSaved", saved.name()));
                reload();
            });
        }
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
            if (selectedQueue.get() != null && selectedQueue.get().id().equals(deleted.id())) {
                selectedQueue.set(null);
            }
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
        tasks.run(work, done::accept, error -> message.set(UiText.of("queues.failed", reason(error))));
    }

    /** The server's own sentence when it refused (e.g. "unknown label x"), else what failed. */
    static String reason(Throwable error) {
        if (error instanceof ApiException e && e.error() != null && e.error().error() != null) {
            return e.error().error().message();
        }
        return error.getMessage() == null ? "" : error.getMessage();
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
