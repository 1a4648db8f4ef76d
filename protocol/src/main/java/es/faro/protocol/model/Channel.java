package es.faro.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/**
 * A social network or forum that Faro answers on. Each knows whether its replies are public by
 * default and the length limit of a reply, which the composer shows and the server enforces.
 */
public enum Channel {
    TWITTER(280, 10_000, true),
    FACEBOOK(8_000, 2_000, true),
    INSTAGRAM(2_200, 1_000, true),
    COMMUNITY(20_000, 20_000, true),
    FORUM(20_000, 20_000, true),
    GOOGLE_PLAY(350, 350, true),
    APP_STORE(5_970, 5_970, true);

    private final int publicReplyLimit;
    private final int privateReplyLimit;
    private final boolean publicByDefault;

    Channel(int publicReplyLimit, int privateReplyLimit, boolean publicByDefault) {
        this.publicReplyLimit = publicReplyLimit;
        this.privateReplyLimit = privateReplyLimit;
        this.publicByDefault = publicByDefault;
    }

    /** Maximum characters (Unicode code points) of a reply on this channel. */
    public int replyLimit(boolean isPublic) {
        return isPublic ? publicReplyLimit : privateReplyLimit;
    }

    public boolean publicByDefault() {
        return publicByDefault;
    }

    /** The lower-case name used in URLs and configuration keys ({@code google_play}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts both {@code GOOGLE_PLAY} and {@code google_play}; {@code null} when unknown. */
    @JsonCreator
    public static Channel fromWire(String value) {
        if (value == null) {
            return null;
        }
        String normalized = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Channel c : values()) {
            if (c.name().equals(normalized)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown channel: " + value);
    }
}
