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

    /**
     * The machine's one-minute load average (/proc/loadavg), printed first by every scenario:
     * on a shared 2-core machine it says how much of the time measured was someone else's.
     */
    public void printLoad() {
        try {
            String first = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
            print("machine.load1", Double.parseDouble(first), "load");
        } catch (java.io.IOException | RuntimeException e) {
            // Not Linux: nothing to report.
        }
    }

    public void print(String name, double value, String unit) {
        String number = value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
        out.println(name + " " + number + " " + unit);
        out.flush();
    }
}
