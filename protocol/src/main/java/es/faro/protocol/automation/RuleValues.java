package es.faro.protocol.automation;

import es.faro.protocol.model.Priority;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/** The value checks a rule's conditions and actions share: the editor and the server apply the same ones. */
public final class RuleValues {
    private RuleValues() {
    }

    /** A priority's name: P1 to P4. */
    public static boolean isPriority(String v) {
        for (Priority p : Priority.values()) {
            if (p.name().equals(v)) {
                return true;
            }
        }
        return false;
    }

    /** {@code HH:mm-HH:mm} (may wrap past midnight). */
    public static boolean isTimeRange(String v) {
        String[] parts = v.split("-");
        if (parts.length != 2) {
            return false;
        }
        try {
            LocalTime.parse(parts[0].trim());
            LocalTime.parse(parts[1].trim());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
