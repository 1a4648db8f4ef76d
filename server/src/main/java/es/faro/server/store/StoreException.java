package es.faro.server.store;

/** A database failure that is not the caller's fault (maps to 500). */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
