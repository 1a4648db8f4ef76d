package es.faro.client.ui.login;

/** Why a sign-in failed, in terms the login screen can put into words. */
public class LoginException extends RuntimeException {
    public enum Reason { BAD_CREDENTIALS, UNREACHABLE, SERVER_ERROR }

    private final Reason reason;

    public LoginException(Reason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public LoginException(Reason reason, String detail) {
        this(reason, detail, null);
    }

    public Reason reason() {
        return reason;
    }
}
