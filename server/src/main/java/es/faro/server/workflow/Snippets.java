package es.faro.server.workflow;

/** The one-line preview of the last message that lists show. */
public final class Snippets {
    private static final int MAX = 140;

    private Snippets() {
    }

    public static String of(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        if (oneLine.codePointCount(0, oneLine.length()) <= MAX) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, MAX - 1)) + "…";
    }
}
