package es.faro.protocol.community;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a moderator did to a post. Wire names are lower case ({@code accept_solution}). */
public enum ModerationKind {
    APPROVE, REJECT, EDIT, MOVE, SPAM, ACCEPT_SOLUTION;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code null} for an unknown name. */
    @JsonCreator
    public static ModerationKind fromWire(String value) {
        if (value == null) {
            return null;
        }
        for (ModerationKind k : values()) {
            if (k.wireName().equalsIgnoreCase(value.trim())) {
                return k;
            }
        }
        return null;
    }
}
