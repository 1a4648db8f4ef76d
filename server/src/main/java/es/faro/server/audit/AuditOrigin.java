package es.faro.server.audit;

import es.faro.protocol.model.Agent;

/**
 * Who is acting and from which address, for the request being handled on this thread: set by the
 * HTTP layer after authentication (fresh for every request, so nothing leaks between requests on a
 * reused thread) and read by services when they build their write, so the audit row can be written
 * on the store's writer thread in the action's own transaction.
 */
public final class AuditOrigin {
    public record Origin(Agent actor, String address) {
    }

    private static final ThreadLocal<Origin> CURRENT = new ThreadLocal<>();

    private AuditOrigin() {
    }

    public static void set(Agent actor, String address) {
        CURRENT.set(new Origin(actor, address));
    }

    public static void clear() {
        CURRENT.remove();
    }

    /** The origin of the request on this thread, or one with no actor and no address. */
    public static Origin current() {
        Origin o = CURRENT.get();
        return o == null ? new Origin(null, null) : o;
    }

    public static String address() {
        return current().address();
    }
}
