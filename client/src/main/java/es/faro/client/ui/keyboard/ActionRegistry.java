package es.faro.client.ui.keyboard;

import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The workstation's actions by id, in registration order. Every feature adds its own (an action
 * with the id of an existing one replaces it); the shortcut dispatcher, the command palette, the
 * cheat sheet and the tooltips all read from here.
 */
public final class ActionRegistry {
    private final ObservableList<AppAction> actions = FXCollections.observableArrayList();
    private final ObservableList<AppAction> view = FXCollections.unmodifiableObservableList(actions);

    public void register(AppAction action) {
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i).id().equals(action.id())) {
                actions.set(i, action);
                return;
            }
        }
        actions.add(action);
    }

    public ObservableList<AppAction> actions() {
        return view;
    }

    public Optional<AppAction> find(String id) {
        return actions.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Runs the action if it exists and is enabled; returns whether it ran. */
    public boolean run(String id) {
        Optional<AppAction> action = find(id);
        if (action.isPresent() && action.get().isEnabled()) {
            action.get().run().run();
            return true;
        }
        return false;
    }
}
