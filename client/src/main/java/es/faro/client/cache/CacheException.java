package es.faro.client.cache;

/** The local cache could not be read or written (disk full, file damaged…). */
public class CacheException extends RuntimeException {
    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
