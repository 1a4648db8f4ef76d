package es.faro.protocol.metrics;

/**
 * How every metrics endpoint names its groups, so an analyst joins them without translating: a
 * channel as in every object ({@code TWITTER}), a day as its Europe/Madrid date ({@code 2026-11-24}),
 * an hour as the instant it starts, and {@link #NONE} for conversations without a queue or assignee.
 */
public final class GroupKeys {
    /** The group of conversations without a queue or an assignee. */
    public static final String NONE = "(none)";

    private GroupKeys() {
    }
}
