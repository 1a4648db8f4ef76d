package es.faro.protocol.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A reply ({@code kind = "reply"}) or an internal note ({@code kind = "note"}).
 * <p>Collision guard (optional): {@code lastSeenMessageId} is the newest message of the thread the
 * agent had seen when sending; if another agent replied after it the server answers 409
 * {@code stale_reply} with the newer messages, unless {@code force} is true ("send anyway").
 * {@code brandId}, when given, must be the conversation's brand (no cross-brand slip).
 */
public record PostMessageRequest(String kind, String body, @JsonProperty("public") Boolean isPublic,
                                 String lastSeenMessageId, Boolean force, String brandId) {
    public static final String REPLY = "reply";
    public static final String NOTE = "note";

    public PostMessageRequest(String kind, String body, Boolean isPublic) {
        this(kind, body, isPublic, null, null, null);
    }
}
