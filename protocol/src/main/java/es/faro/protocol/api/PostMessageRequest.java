package es.faro.protocol.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A reply ({@code kind = "reply"}) or an internal note ({@code kind = "note"}). */
public record PostMessageRequest(String kind, String body, @JsonProperty("public") Boolean isPublic) {
    public static final String REPLY = "reply";
    public static final String NOTE = "note";
}
