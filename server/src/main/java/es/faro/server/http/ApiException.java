package es.faro.server.http;

import es.faro.protocol.api.ErrorCodes;
import es.faro.protocol.model.Conversation;

/**
 * A client-facing failure with its HTTP status and stable error code. Thrown anywhere in request
 * handling (including inside store write tasks) and rendered as {@code {"error":{...}}}.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final transient Conversation current;
    private final transient java.util.List<es.faro.protocol.model.Message> newMessages;

    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public ApiException(int status, String code, String message, Conversation current) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.current = current;
        this.newMessages = null;
    }

    private ApiException(String message, Conversation current, java.util.List<es.faro.protocol.model.Message> newMessages) {
        super(message, null, false, false);
        this.status = 409;
        this.code = ErrorCodes.STALE_REPLY;
        this.current = current;
        this.newMessages = java.util.List.copyOf(newMessages);
    }

    /** The messages the client had not seen, for a 409 {@code stale_reply}; null otherwise. */
    public java.util.List<es.faro.protocol.model.Message> newMessages() {
        return newMessages;
    }

    /** 409 {@code stale_reply}: another agent replied after the message the client last saw. */
    public static ApiException staleReply(String message, Conversation current,
                                          java.util.List<es.faro.protocol.model.Message> newMessages) {
        return new ApiException(message, current, newMessages);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Conversation current() {
        return current;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, ErrorCodes.BAD_REQUEST, message);
    }

    public static ApiException validation(String message) {
        return new ApiException(400, ErrorCodes.VALIDATION, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, ErrorCodes.NOT_FOUND, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, ErrorCodes.UNAUTHORIZED, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, ErrorCodes.FORBIDDEN, message);
    }

    public static ApiException conflict(String message, Conversation current) {
        return new ApiException(409, ErrorCodes.CONFLICT, message, current);
    }
}
