package es.faro.protocol.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Message;
import java.util.List;

/**
 * Every API error: {@code {"error":{"code","message"}}}. A 409 on a stale version also carries the
 * conversation's {@code current} state so the client can show who won; a 409 {@code stale_reply}
 * carries the {@code newMessages} the agent had not seen.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(Detail error, Conversation current, List<Message> newMessages) {
    public record Detail(String code, String message) {
    }

    public ApiError(Detail error, Conversation current) {
        this(error, current, null);
    }

    public static ApiError of(String code, String message) {
        return new ApiError(new Detail(code, message), null);
    }
}
