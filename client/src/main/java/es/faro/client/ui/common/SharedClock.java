package es.faro.client.ui.common;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;

/**
 * The one ticking clock of the UI: a single {@link Timeline} that advances {@link #nowProperty()}
 * once a second. Every SLA countdown reads it (a visible cell listens only while shown), so 2,000
 * countdowns cost one timer and only the visible ones repaint. Create and start it on the FX thread.
 */
public final class SharedClock {
    private final Clock clock;
    private final ReadOnlyObjectWrapper<Instant> now;
    private final Timeline timeline;

    public SharedClock(Clock clock) {
        this.clock = clock;
        this.now = new ReadOnlyObjectWrapper<>(this, "now", truncated());
        this.timeline = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        timeline.setCycleCount(Animation.INDEFINITE);
    }

    public SharedClock() {
        this(Clock.systemUTC());
    }

    /** Whole seconds, so every countdown on screen changes at the same moment. */
    private Instant truncated() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Advances {@code now} to the underlying clock's time; the timeline calls this every second. */
    public void tick() {
        now.set(truncated());
    }

    public void start() {
        tick();
        timeline.play();
    }

    public void stop() {
        timeline.stop();
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public Instant now() {
        return now.get();
    }
}
