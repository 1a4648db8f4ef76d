package es.faro.server.automation;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions from admins, run against customer text without letting a catastrophic
 * pattern ({@code (a+)+$}) stall the ingest writer: the input is read through a {@link CharSequence}
 * that checks a deadline on every character the matcher reads, so a runaway match is abandoned
 * (and counts as "no match") once its time budget is spent. Input is capped at {@link #MAX_INPUT}.
 */
public final class SafeRegex {
    public static final int MAX_PATTERN = 500;
    public static final int MAX_INPUT = 10_000;

    private final Pattern pattern;
    private final long budgetNanos;

    private SafeRegex(Pattern pattern, Duration budget) {
        this.pattern = pattern;
        this.budgetNanos = budget.toNanos();
    }

    /** Compiles {@code regex} case- and Unicode-insensitively; throws IllegalArgumentException with the reason. */
    public static SafeRegex compile(String regex, Duration budget) {
        if (regex == null || regex.isEmpty()) {
            throw new IllegalArgumentException("the regular expression is empty");
        }
        if (regex.length() > MAX_PATTERN) {
            throw new IllegalArgumentException("the regular expression is longer than " + MAX_PATTERN + " characters");
        }
        try {
            return new SafeRegex(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), budget);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression: " + e.getDescription(), e);
        }
    }

    /** What a match attempt came to. */
    public enum Result { MATCH, NO_MATCH, TIMED_OUT }

    public Result find(String text) {
        if (text == null) {
            return Result.NO_MATCH;
        }
        String input = text.length() > MAX_INPUT ? text.substring(0, MAX_INPUT) : text;
        Matcher m = pattern.matcher(new Deadline(input, System.nanoTime() + budgetNanos));
        try {
            return m.find() ? Result.MATCH : Result.NO_MATCH;
        } catch (TimedOut e) {
            return Result.TIMED_OUT;
        }
    }

    private static final class TimedOut extends RuntimeException {
        TimedOut() {
            super("regular expression ran out of time", null, false, false);
        }
    }

    /** The text, checking the clock as the matcher reads it. */
    private static final class Deadline implements CharSequence {
        private final String text;
        private final long deadline;
        private int reads;

        Deadline(String text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            // nanoTime is cheap but not free: look at it every 256 reads.
            if ((++reads & 0xFF) == 0 && System.nanoTime() - deadline > 0) {
                throw new TimedOut();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Deadline(text.substring(start, end), deadline);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
