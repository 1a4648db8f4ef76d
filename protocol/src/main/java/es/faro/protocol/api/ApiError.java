package es.faro.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import es.faro.protocol.model.Conversation;

/**
 * Every API error: {@code {"error":{"code","message"}}}. A 409 on a stale version also carries the
 * conversation's {@code current} state so the client can show who won.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(Detail error, Conversation current) {
    public record Detail(String code, String message) {
    }

    public static ApiError of(String code, String message) {
        return new ApiError(new Detail(code, message), null);
    }
}
