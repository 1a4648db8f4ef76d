package es.faro.server.http;

import es.faro.protocol.api.Bootstrap;
import es.faro.protocol.api.Changes;
import es.faro.protocol.api.ErrorCodes;
import es.faro.protocol.event.Event;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.ReferenceData;
import es.faro.server.config.ReferenceQueries;
import es.faro.server.store.Conversations;
import es.faro.server.store.EventLog;
import es.faro.server.store.Messages;
import es.faro.server.store.Scope;
import es.faro.server.store.Store;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * Bootstrap snapshot and catch-up by cursor.
 *
 * <p>Each bootstrap page is read in one read transaction. The first page fixes the cursor (the
 * highest seq at that moment) and every later page carries it in its token; a conversation that
 * changes between pages is also in {@code /changes?after=cursor}, so snapshot + changes is always
 * complete, and applying the (full-state) events in order converges.
 */
final class SyncRoutes {
    static final int PAGE_SIZE = 500;
    static final int MESSAGES_PER_CONVERSATION = 50;

    private final Store store;

    SyncRoutes(Store store) {
        this.store = store;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/bootstrap", this::bootstrap);
        routes.get("/api/v1/changes", this::changes);
    }

    private void bootstrap(Context ctx) {
        Agent agent = Principal.agent(ctx);
        Scope scope = Scope.of(agent);
        String page = Params.text(ctx, "page");
        long fixedCursor;
        String afterId;
        if (page == null) {
            fixedCursor = -1;
            afterId = null;
        } else {
            String plain = Params.untoken("page", page);
            int colon = plain.indexOf(':');
            if (colon <= 0) {
                throw ApiException.badRequest("page is not a token this server issued");
            }
            fixedCursor = Params.parseSeq("page", plain.substring(0, colon));
            afterId = plain.substring(colon + 1);
        }
        Bootstrap result = store.read(c -> {
            long cursor = fixedCursor >= 0 ? fixedCursor : EventLog.maxSeq(c);
            ReferenceData reference = fixedCursor >= 0 ? null : ownViews(ReferenceQueries.referenceData(c), agent);
            List<Conversation> conversations = Conversations.activePage(c, scope, afterId, PAGE_SIZE);
            List<Message> messages = Messages.recent(c,
                    conversations.stream().map(Conversation::id).toList(), MESSAGES_PER_CONVERSATION);
            String next = conversations.size() < PAGE_SIZE ? null
                    : Params.token(cursor + ":" + conversations.get(conversations.size() - 1).id());
            return new Bootstrap(reference, conversations, messages, cursor, next);
        });
        ctx.json(result);
    }

    /**
     * Shared queues and canned responses plus the agent's own personal ones (and, for admins, others'
     * personal canned responses, as the canned-response API allows); others' private items stay theirs.
     */
    private static ReferenceData ownViews(ReferenceData d, Agent agent) {
        return es.faro.server.store.PrivateItems.forAgent(d, agent);
    }

    private void changes(Context ctx) {
        Agent agent = Principal.agent(ctx);
        long after = Params.longParam(ctx, "after", 0);
        int limit = Params.intParam(ctx, "limit", 500, 1, 5_000);
        List<EventLog.ScopedEvent> scanned = store.read(c -> after > EventLog.maxSeq(c) ? null : EventLog.after(c, after, limit));
        if (scanned == null) {
            // A cursor beyond this server's log (its data was restored from an older backup, or the
            // cache belongs to another installation): catching up by cursor would miss events.
            throw new ApiException(410, ErrorCodes.CURSOR_TOO_OLD,
                    "the cursor " + after + " is not in this server's event log; bootstrap again");
        }
        List<Event> visible = new ArrayList<>(scanned.size());
        for (EventLog.ScopedEvent e : scanned) {
            if (e.visibleTo(agent)) {
                visible.add(e.eventFor(agent));
            }
        }
        // "last" is the last seq scanned, visible or not, so a scoped client still moves forward.
        long last = scanned.isEmpty() ? after : scanned.get(scanned.size() - 1).event().seq();
        ctx.json(new Changes(visible, last));
    }
}
