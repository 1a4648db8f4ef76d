package es.faro.server.channels;

/** A webhook body that is JSON but not in the network's shape. */
public class PayloadException extends RuntimeException {
    public PayloadException(String message) {
        super(message);
    }
}
