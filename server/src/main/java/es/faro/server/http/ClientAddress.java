package es.faro.server.http;

import io.javalin.http.Context;

/** The client's address: the TCP peer, or behind a trusted balancer the last X-Forwarded-For entry. */
final class ClientAddress {
    private ClientAddress() {
    }

    static String of(Context ctx, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                // The balancer appends the peer it saw; earlier entries are whatever the client claimed.
                String[] hops = forwarded.split(",");
                return hops[hops.length - 1].strip();
            }
        }
        return ctx.ip();
    }
}
