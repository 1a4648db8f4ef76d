package es.faro.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A scenario's results: one {@code name value unit} line each on standard output. This is the
 * machine-readable product of a benchmark main (CI and the README parse it), not logging.
 */
public final class Figures {
    private final PrintStream out;

    public Figures(PrintStream out) {
        this.out = out;
    }

    public static Figures stdout() {
        return new Figures(System.out);
    }

    public void print(String name, double value, String unit) {
        String number = value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
        out.println(name + " " + number + " " + unit);
        out.flush();
    }
}
