package es.faro.server.http;

import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Role;
import io.javalin.http.Context;

/** The authenticated agent of a request, set by the auth filter. */
public final class Principal {
    static final String AGENT = "faro.agent";
    static final String TOKEN = "faro.token";

    private Principal() {
    }

    public static Agent agent(Context ctx) {
        Agent agent = ctx.attribute(AGENT);
        if (agent == null) {
            throw ApiException.unauthorized("a bearer token is required");
        }
        return agent;
    }

    static String token(Context ctx) {
        return ctx.attribute(TOKEN);
    }

    /** Analysts read through the API; they never change anything. */
    static boolean readOnly(Agent agent) {
        return agent.hasRole(Role.ANALYST) && !agent.hasRole(Role.AGENT) && !agent.hasRole(Role.LEAD)
                && !agent.hasRole(Role.ADMIN);
    }
}
