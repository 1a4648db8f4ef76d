package es.faro.client.sync;

import es.faro.protocol.api.ApiError;

/** The server answered with an error status; {@code error} is its JSON body when it had one. */
public class ApiException extends Exception {
    private final int status;
    private final transient ApiError error;

    public ApiException(int status, ApiError error, String fallbackMessage) {
        super(error != null && error.error() != null ? error.error().code() + ": " + error.error().message()
                : "HTTP " + status + " " + fallbackMessage);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public ApiError error() {
        return error;
    }

    public String code() {
        return error != null && error.error() != null ? error.error().code() : null;
    }

    /** 4xx other than 401/408/429: the request itself is wrong, sending it again will not help. */
    public boolean isPermanent() {
        return status >= 400 && status < 500 && status != 401 && status != 408 && status != 429;
    }
}
