package es.faro.client.ui.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as agents read them: "10:42" today, "3 nov 10:42" before, in the machine's time zone. */
public final class Formats {
    private final ZoneId zone;
    private final DateTimeFormatter time;
    private final DateTimeFormatter dayTime;
    private final DateTimeFormatter clock;

    public Formats(Locale locale, ZoneId zone) {
        this.zone = zone;
        this.time = DateTimeFormatter.ofPattern("HH:mm", locale);
        this.dayTime = DateTimeFormatter.ofPattern("d MMM HH:mm", locale);
        this.clock = DateTimeFormatter.ofPattern("HH:mm:ss", locale);
    }

    public String messageTime(Instant at, Instant now) {
        if (at == null) {
            return "";
        }
        ZonedDateTime when = at.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        return when.toLocalDate().equals(today) ? time.format(when) : dayTime.format(when);
    }

    public String clock(Instant now) {
        return now == null ? "" : clock.format(now.atZone(zone));
    }
}
