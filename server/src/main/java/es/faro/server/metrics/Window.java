package es.faro.server.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** A time window [from, to) and its hour or day buckets in the reporting zone (Europe/Madrid). */
public record Window(Instant from, Instant to) {
    public static final ZoneId ZONE = ZoneId.of("Europe/Madrid");

    public boolean contains(Instant at) {
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }

    /** The calendar day in Madrid that contains {@code now}, so far: up to and including {@code now}. */
    public static Window today(Instant now) {
        return new Window(now.atZone(ZONE).truncatedTo(ChronoUnit.DAYS).toInstant(), now.plusMillis(1));
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /** The start of the hour or day (Madrid wall clock) containing {@code at}. */
    public static Instant bucketOf(Instant at, ChronoUnit unit) {
        return at.atZone(ZONE).truncatedTo(unit).toInstant();
    }

    /** The starts of every bucket overlapping the window, in order. */
    public List<Instant> buckets(ChronoUnit unit) {
        List<Instant> starts = new ArrayList<>();
        ZonedDateTime t = from.atZone(ZONE).truncatedTo(unit);
        while (t.toInstant().isBefore(to)) {
            starts.add(t.toInstant());
            t = unit == ChronoUnit.DAYS ? t.plusDays(1) : t.plusHours(1);
        }
        return starts;
    }

    public static Instant next(Instant bucket, ChronoUnit unit) {
        return unit == ChronoUnit.DAYS ? bucket.atZone(ZONE).plusDays(1).toInstant() : bucket.plus(Duration.ofHours(1));
    }
}
