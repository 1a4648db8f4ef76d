package es.faro.client.ui.keyboard;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Runs registry actions from their shortcuts. Letter keys without modifiers are ignored while the
 * focus is in a text field (the agent is typing); a one-character symbol shortcut such as {@code ?}
 * matches the typed character, whatever the keyboard layout needs to type it.
 */
public final class ShortcutDispatcher {
    private final ActionRegistry registry;
    private final Map<String, KeyCombination> parsed = new HashMap<>();
    /** After a plain letter ran an action, its KEY_TYPED must not land in a field the action focused. */
    private boolean swallowTyped;

    private ShortcutDispatcher(ActionRegistry registry) {
        this.registry = registry;
    }

    /** Listens on {@code root} (event filters: before the focused control sees the key). */
    public static ShortcutDispatcher install(Node root, ActionRegistry registry) {
        ShortcutDispatcher d = new ShortcutDispatcher(registry);
        root.addEventFilter(KeyEvent.KEY_PRESSED, d::onPressed);
        root.addEventFilter(KeyEvent.KEY_TYPED, d::onTyped);
        return d;
    }

    static boolean symbol(String shortcut) {
        return shortcut != null && shortcut.length() == 1 && !Character.isLetterOrDigit(shortcut.charAt(0));
    }

    private static boolean typing(KeyEvent e) {
        Object source = e.getSource();
        Scene scene = source instanceof Node n ? n.getScene() : null;
        return scene != null && scene.getFocusOwner() instanceof TextInputControl;
    }

    private void onPressed(KeyEvent e) {
        swallowTyped = false;
        if (e.isConsumed()) {
            return;
        }
        for (AppAction a : registry.actions()) {
            if (a.keyHandled() || a.shortcut() == null || symbol(a.shortcut())) {
                continue;
            }
            KeyCombination k = parsed.computeIfAbsent(a.shortcut(), KeyCombination::valueOf);
            if (!k.match(e)) {
                continue;
            }
            boolean plain = k instanceof KeyCodeCombination kc && kc.getShortcut() == KeyCombination.ModifierValue.UP
                    && kc.getControl() == KeyCombination.ModifierValue.UP && kc.getAlt() == KeyCombination.ModifierValue.UP
                    && kc.getMeta() == KeyCombination.ModifierValue.UP;
            if (plain && typing(e)) {
                return;
            }
            if (a.isEnabled()) {
                swallowTyped = plain;
                a.run().run();
                e.consume();
            }
            return;
        }
    }

    private void onTyped(KeyEvent e) {
        if (swallowTyped) {
            swallowTyped = false;
            e.consume();
            return;
        }
        if (e.isConsumed() || typing(e) || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        String typed = e.getCharacter();
        for (AppAction a : registry.actions()) {
            if (!a.keyHandled() && symbol(a.shortcut()) && a.shortcut().equals(typed)) {
                if (a.isEnabled()) {
                    a.run().run();
                    e.consume();
                }
                return;
            }
        }
    }
}
