package es.faro.server.community;

import es.faro.protocol.api.ErrorCodes;
import es.faro.protocol.community.CommunityPost;
import es.faro.protocol.community.ModerationAction;
import es.faro.protocol.community.ModerationKind;
import es.faro.protocol.community.ModerationRequest;
import es.faro.protocol.community.Moderated;
import es.faro.protocol.community.PostState;
import es.faro.protocol.event.EventType;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;
import es.faro.protocol.model.Role;
import es.faro.server.audit.AuditLog;
import es.faro.server.audit.AuditOrigin;
import es.faro.server.http.ApiException;
import es.faro.server.store.Conversations;
import es.faro.server.store.EventLog;
import es.faro.server.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Moderation of community and forum threads: approve, reject (with a reason), edit, move to another
 * board, mark as spam, and accept a member's reply as the solution. Each action is stored in
 * {@code moderation_actions} and published as a {@link EventType#COMMUNITY_MODERATED} event in the
 * same transaction, together with its row in the audit log. Agents moderate only brands (and
 * channels) they are skilled for; leads and admins any; analysts never (the auth filter refuses
 * their writes).
 */
public final class ModerationService {
    static final int MAX_REASON = 500;
    static final int MAX_BOARD = 100;
    /** Audit log actions are {@code moderation.approve}, {@code moderation.accept_solution}, ... */
    public static final String AUDIT_PREFIX = "moderation.";

    private final Store store;
    private final Clock clock;

    public ModerationService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Validates the request (nothing is written on a 4xx) and applies it in one write. */
    public CompletableFuture<Moderated> moderate(Agent agent, String conversationId, ModerationRequest req) {
        if (req == null) {
            throw ApiException.validation("a body is required");
        }
        ModerationKind kind = ModerationKind.fromWire(req.action());
        if (kind == null) {
            throw ApiException.validation("action must be one of approve, reject, edit, move, spam,"
                    + " accept_solution" + (req.action() == null ? "" : ", not " + req.action()));
        }
        String reason = trimmed(req.reason());
        if (reason != null && reason.length() > MAX_REASON) {
            throw ApiException.validation("reason is at most " + MAX_REASON + " characters");
        }
        if (kind == ModerationKind.REJECT && reason == null) {
            throw ApiException.validation("a reason is required to reject a post");
        }
        if (kind == ModerationKind.EDIT && trimmed(req.body()) == null) {
            throw ApiException.validation("body (the edited text) is required to edit a post");
        }
        String board = trimmed(req.board());
        if (kind == ModerationKind.MOVE && (board == null || board.length() > MAX_BOARD)) {
            throw ApiException.validation("board (at most " + MAX_BOARD + " characters) is required to move a thread");
        }
        if (!agent.hasRole(Role.AGENT) && !agent.hasRole(Role.LEAD) && !agent.hasRole(Role.ADMIN)) {
            throw ApiException.forbidden("moderation is for agents, leads and admins");
        }
        String from = AuditOrigin.address(); // read on the request's thread; the write runs on the store's
        return store.write(c -> apply(c, agent, from, conversationId, kind, req, reason, board));
    }

    private Moderated apply(Connection c, Agent agent, String from, String conversationId, ModerationKind kind,
                            ModerationRequest req, String reason, String board) throws SQLException {
        Conversation conv = Conversations.find(c, conversationId)
                .filter(x -> agent.canSee(x.brandId(), x.channel()))
                .orElseThrow(() -> ApiException.notFound("no conversation " + conversationId));
        if (!CommunityIngestHook.moderated(conv.channel())) {
            throw ApiException.validation("only community and forum conversations are moderated");
        }
        List<CommunityPost> thread = CommunityTables.ofConversation(c, conv.id());
        if (thread.isEmpty()) {
            throw ApiException.notFound("conversation " + conversationId + " has no community posts");
        }
        CommunityPost post = req.messageId() == null || req.messageId().isBlank() ? thread.get(0)
                : thread.stream().filter(p -> p.messageId().equals(req.messageId())).findFirst()
                        .orElseThrow(() -> ApiException.notFound("no post " + req.messageId() + " in conversation "
                                + conversationId));
        Instant now = clock.instant();
        List<CommunityPost> changed = new ArrayList<>();
        String detail = null;
        switch (kind) {
            case APPROVE -> changed.add(with(post, post.board(), PostState.APPROVED, post.solution(), now));
            case REJECT -> changed.add(with(post, post.board(), PostState.REJECTED, false, now));
            case SPAM -> changed.add(with(post, post.board(), PostState.SPAM, false, now));
            case MOVE -> {
                detail = (thread.get(0).board() == null ? "" : thread.get(0).board()) + " -> " + board;
                for (CommunityPost p : thread) {
                    changed.add(with(p, board, p.state(), p.solution(), now));
                }
            }
            case EDIT -> {
                String body = req.body().strip();
                if (body.codePointCount(0, body.length()) > conv.channel().replyLimit(true)) {
                    throw ApiException.validation("the edited body is longer than "
                            + conv.channel().replyLimit(true) + " characters");
                }
                Message m = message(c, post.messageId());
                Message edited = new Message(m.id(), m.conversationId(), m.kind(), m.authorId(), m.authorName(), body,
                        m.isPublic(), m.channel(), m.channelMessageId(), m.inReplyTo(), m.createdAt(), m.delivery(),
                        m.clientId());
                String json = Json.write(edited);
                try (PreparedStatement ps = c.prepareStatement("UPDATE messages SET json = ? WHERE id = ?")) {
                    ps.setString(1, json);
                    ps.setString(2, m.id());
                    ps.executeUpdate();
                }
                EventLog.appendJson(c, EventType.MESSAGE, now, conv.brandId(), conv.channel(), json);
                detail = "previous: " + m.body();
                changed.add(with(post, post.board(), post.state(), post.solution(), now));
            }
            case ACCEPT_SOLUTION -> {
                if (post.messageId().equals(thread.get(0).messageId())) {
                    throw ApiException.validation("the topic itself cannot be its solution; accept a reply");
                }
                if (post.state() == PostState.REJECTED || post.state() == PostState.SPAM) {
                    throw ApiException.validation("a rejected or spam post cannot be the solution");
                }
                if (message(c, post.messageId()).kind() != MessageKind.IN) {
                    throw ApiException.validation("only a member's reply can be accepted as the solution");
                }
                if (thread.stream().anyMatch(CommunityPost::solution)) {
                    throw new ApiException(409, ErrorCodes.CONFLICT, "this thread already has an accepted solution");
                }
                changed.add(with(post, post.board(), PostState.APPROVED, true, now));
                detail = post.authorId();
            }
            default -> throw new IllegalStateException(kind.name());
        }
        for (CommunityPost p : changed) {
            CommunityTables.updatePost(c, p);
        }
        ModerationAction action = new ModerationAction("ma-" + UUID.randomUUID(), now, conv.brandId(), conv.channel(),
                conv.id(), post.messageId(), agent.id(), kind, reason, detail);
        CommunityTables.insertAction(c, action);
        AuditLog.append(c, now, agent.id(), AUDIT_PREFIX + kind.wireName(), conv.id(), from, auditDetail(action));
        Moderated result = new Moderated(action, changed);
        EventLog.append(c, EventType.COMMUNITY_MODERATED, now, conv.brandId(), conv.channel(), result);
        return result;
    }

    /** "post m-…", then the reason and the detail when there are (the audit keeps at most 500 characters). */
    private static String auditDetail(ModerationAction a) {
        StringBuilder b = new StringBuilder("post ").append(a.messageId());
        if (a.reason() != null) {
            b.append("; reason: ").append(a.reason());
        }
        if (a.detail() != null) {
            b.append("; ").append(a.detail());
        }
        return b.toString();
    }

    private static Message message(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT json FROM messages WHERE id = ?")) {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("no message " + id);
                }
                return Json.read(rs.getString(1), Message.class);
            }
        }
    }

    private static CommunityPost with(CommunityPost p, String board, PostState state, boolean solution, Instant now) {
        return new CommunityPost(p.messageId(), p.conversationId(), p.brandId(), p.channel(), p.channelMessageId(),
                board, p.subject(), p.authorId(), p.authorName(), p.parentId(), p.kudos(), p.views(), state, solution,
                p.createdAt(), now);
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The posts of a thread the agent may see. */
    public List<CommunityPost> thread(Agent agent, String conversationId) {
        return store.read(c -> {
            Conversation conv = Conversations.find(c, conversationId)
                    .filter(x -> agent.canSee(x.brandId(), x.channel()))
                    .orElseThrow(() -> ApiException.notFound("no conversation " + conversationId));
            return CommunityTables.ofConversation(c, conv.id());
        });
    }
}
