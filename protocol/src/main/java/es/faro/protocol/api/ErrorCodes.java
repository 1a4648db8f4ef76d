package es.faro.protocol.api;

/** The stable error codes of API v1. */
public final class ErrorCodes {
    public static final String BAD_REQUEST = "bad_request";
    public static final String INVALID_JSON = "invalid_json";
    public static final String VALIDATION = "validation_failed";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not_found";
    public static final String CONFLICT = "version_conflict";
    public static final String TOO_LARGE = "payload_too_large";
    public static final String BAD_SIGNATURE = "bad_signature";
    public static final String UNSUPPORTED_MEDIA = "unsupported_media_type";
    public static final String RATE_LIMITED = "rate_limited";
    public static final String CURSOR_TOO_OLD = "cursor_too_old";
    public static final String INTERNAL = "internal_error";
    /** A reply based on a stale view of the thread: another agent replied since (collision guard). */
    public static final String STALE_REPLY = "stale_reply";

    private ErrorCodes() {
    }
}
