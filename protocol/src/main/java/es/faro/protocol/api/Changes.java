package es.faro.protocol.api;

import es.faro.protocol.event.Event;
import java.util.List;

/** Events after a cursor in seq order; {@code last} is the cursor to ask from next. */
public record Changes(List<Event> events, long last) {
    public Changes {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
