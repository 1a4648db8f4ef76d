package es.faro.client.app;

/**
 * {@code Faro --version}: prints "Faro 0.1.0" and returns before JavaFX or logging start, so it works
 * on a machine without a display (the packaging smoke test runs it headless). The one class in the
 * client allowed to write to standard output: a command-line answer is its whole job.
 */
final class VersionCommand {
    private VersionCommand() {
    }

    static boolean requested(String[] args) {
        for (String arg : args) {
            if (arg.equals("--version") || arg.equals("-version")) {
                return true;
            }
        }
        return false;
    }

    static String text() {
        return "Faro " + AppVersion.get();
    }

    static void print() {
        System.out.println(text());
        System.out.flush();
    }
}
