package es.faro.client.ui.dashboard;

import java.text.NumberFormat;
import java.util.Locale;

/** Ratios as the dashboard writes them: {@code 83 %}, or an em dash when there is no figure. */
final class Percent {
    private final NumberFormat format;

    Percent(Locale locale) {
        format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(0);
    }

    String of(Double ratio) {
        return ratio == null ? "—" : format.format(ratio);
    }

    /** Good at or above the goal, warn within 10 points under it, bad below. */
    static TileCard.Tone tone(Double ratio, double goal) {
        if (ratio == null) {
            return TileCard.Tone.NEUTRAL;
        }
        if (ratio >= goal) {
            return TileCard.Tone.GOOD;
        }
        return ratio >= goal - 0.10 ? TileCard.Tone.WARN : TileCard.Tone.BAD;
    }
}
