package es.faro.client.ui.common;

import java.util.Collection;
import java.util.List;

/**
 * Switches a node between the style classes of one family (sla-ok / sla-warning / …, tone-good /
 * tone-bad / …). Every change to a node's style classes makes JavaFX rebuild its CSS (and its
 * children's) on the next pulse, so a cell repainted every second or on every live snapshot must
 * touch the list only when the class really changes: removing and adding the same class back cost
 * the dashboard most of its pulse time under a burst of events ({@code bench/run dashboard}).
 */
public final class StyleClasses {
    private StyleClasses() {
    }

    /** Leaves {@code wanted} (null: none) as the only class of {@code family} in {@code classes}. */
    public static void choose(List<String> classes, Collection<String> family, String wanted) {
        boolean present = false;
        boolean others = false;
        for (String c : classes) {
            if (c.equals(wanted)) {
                present = true;
            } else if (family.contains(c)) {
                others = true;
            }
        }
        if (others) {
            classes.removeIf(c -> !c.equals(wanted) && family.contains(c));
        }
        if (!present && wanted != null) {
            classes.add(wanted);
        }
    }
}
