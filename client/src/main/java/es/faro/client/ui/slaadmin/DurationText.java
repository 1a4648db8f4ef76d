package es.faro.client.ui.slaadmin;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SLA targets as an admin types them: {@code 2h}, {@code 30m}, {@code 1d 4h 30m} (days are whole
 * days of business time, as the policy counts them), or ISO-8601 ({@code PT2H}). Empty is "no target".
 */
final class DurationText {
    private static final Pattern PART = Pattern.compile("(\\d+)\\s*([dhms])");
    private static final Pattern WHOLE = Pattern.compile("(\\s*\\d+\\s*[dhms]\\s*)+");

    private DurationText() {
    }

    /** The result of reading a target. */
    sealed interface Parsed permits Empty, Valid, Negative, Invalid { }

    record Empty() implements Parsed { }

    record Valid(Duration duration) implements Parsed { }

    record Negative() implements Parsed { }

    record Invalid() implements Parsed { }

    static Parsed parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.isEmpty()) {
            return new Empty();
        }
        if (t.startsWith("-")) {
            return new Negative();
        }
        if (t.startsWith("p")) {
            try {
                Duration d = Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
                return d.isNegative() ? new Negative() : new Valid(d);
            } catch (java.time.format.DateTimeParseException e) {
                return new Invalid();
            }
        }
        if (!WHOLE.matcher(t).matches()) {
            return new Invalid();
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
        }
        return new Valid(total);
    }

    static Optional<Duration> value(String text) {
        return parse(text) instanceof Valid v ? Optional.of(v.duration()) : Optional.empty();
    }

    /** {@code 1d 4h 30m}; empty for null. */
    static String format(Duration d) {
        if (d == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        append(b, d.toDays(), "d");
        append(b, d.toHoursPart(), "h");
        append(b, d.toMinutesPart(), "m");
        append(b, d.toSecondsPart(), "s");
        return b.isEmpty() ? "0m" : b.toString();
    }

    private static void append(StringBuilder b, long n, String unit) {
        if (n != 0) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(n).append(unit);
        }
    }
}
