package es.faro.client.ui.keyboard;

import javafx.beans.value.ObservableBooleanValue;

/**
 * One thing the agent can do from the keyboard: its id, the bundle key of its label, the shortcut
 * (in {@code KeyCombination.valueOf} form, e.g. {@code "Shortcut+K"}, {@code "E"}, {@code "?"}; null
 * when it has none), whether it can run now, and what it does. A shortcut without modifiers never
 * fires while the agent types in a text field.
 *
 * @param id        stable id, e.g. {@code "conversation/resolve"}
 * @param labelKey  bundle key of the label (palette, cheat sheet, tooltips)
 * @param groupKey  bundle key of the cheat sheet section
 * @param shortcut  key combination, or null
 * @param enabled   whether it may run now
 * @param run       what it does (on the UI thread)
 * @param nodeId    id of the control that also runs it (gets the shortcut in its tooltip), or null
 * @param keyHandled true when another component already handles the key itself (the dispatcher then
 *                  only lists it; the palette still runs it)
 */
public record AppAction(String id, String labelKey, String groupKey, String shortcut, ObservableBooleanValue enabled,
                        Runnable run, String nodeId, boolean keyHandled) {

    public static AppAction of(String id, String labelKey, String groupKey, String shortcut,
                               ObservableBooleanValue enabled, Runnable run) {
        return new AppAction(id, labelKey, groupKey, shortcut, enabled, run, null, false);
    }

    public AppAction withNode(String controlId) {
        return new AppAction(id, labelKey, groupKey, shortcut, enabled, run, controlId, keyHandled);
    }

    /** Marks the key as handled by its component (listed and runnable from the palette, not dispatched). */
    public AppAction handledElsewhere() {
        return new AppAction(id, labelKey, groupKey, shortcut, enabled, run, nodeId, true);
    }

    public boolean isEnabled() {
        return enabled == null || enabled.get();
    }
}
