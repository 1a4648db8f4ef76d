package es.faro.server.http;

import es.faro.protocol.api.ErrorCodes;
import es.faro.protocol.model.Agent;
import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;

/**
 * {@code GET /api/v1/events}: the live stream. Resumes after {@code Last-Event-ID} (what an
 * EventSource sends on reconnect) or {@code ?after=SEQ}; without either it starts at the live head.
 * The stream ends when its token expires or is revoked (sign-out).
 */
final class EventStream {
    private final EventFanout fanout;

    EventStream(EventFanout fanout) {
        this.fanout = fanout;
    }

    void register(RoutesConfig routes) {
        routes.beforeMatched(AuthFilter.EVENTS, ctx -> {
            // After the auth filter (registered first); before the stream starts, so errors are still JSON.
            String accept = ctx.header("Accept");
            if (accept == null || !accept.contains("text/event-stream")) {
                throw new ApiException(406, ErrorCodes.BAD_REQUEST, "the event stream needs Accept: text/event-stream");
            }
            resumePoint(ctx.header("Last-Event-ID"), ctx.queryParam("after"));
        });
        routes.sse(AuthFilter.EVENTS, this::open);
    }

    private void open(SseClient client) {
        Agent agent = Principal.agent(client.ctx());
        Long after = resumePoint(client.ctx().header("Last-Event-ID"), client.ctx().queryParam("after"));
        client.keepAlive();
        client.sendComment("connected");
        fanout.subscribe(client, agent, after == null ? fanout.head() : after, Principal.token(client.ctx()));
    }

    private static Long resumePoint(String lastEventId, String after) {
        if (lastEventId != null && !lastEventId.isBlank()) {
            return Params.parseSeq("Last-Event-ID", lastEventId);
        }
        if (after != null && !after.isBlank()) {
            return Params.parseSeq("after", after);
        }
        return null;
    }
}
