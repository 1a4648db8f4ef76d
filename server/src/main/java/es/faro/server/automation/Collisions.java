package es.faro.server.automation;

import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;
import es.faro.server.http.ApiException;
import es.faro.server.store.Messages;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The collision guard on replies: a reply names the newest message its author had seen; if another
 * agent replied after that message, the reply is refused with 409 {@code stale_reply} and the
 * messages the author missed, so they can send anyway, discard or edit.
 */
public final class Collisions {
    private Collisions() {
    }

    public static void check(Connection c, Agent actor, Conversation conv, String lastSeenMessageId)
            throws SQLException {
        List<Message> thread = Messages.ofConversation(c, conv.id());
        int seen = -1;
        for (int i = 0; i < thread.size(); i++) {
            if (thread.get(i).id().equals(lastSeenMessageId)) {
                seen = i;
                break;
            }
        }
        if (seen < 0) {
            throw ApiException.validation("lastSeenMessageId " + lastSeenMessageId + " is not a message of "
                    + conv.id());
        }
        List<Message> newer = thread.subList(seen + 1, thread.size());
        List<Message> otherReplies = newer.stream()
                .filter(m -> m.kind() == MessageKind.OUT && !actor.id().equals(m.authorId()))
                .toList();
        if (!otherReplies.isEmpty()) {
            Message last = otherReplies.get(otherReplies.size() - 1);
            throw ApiException.staleReply(last.authorName() + " replied after the message you last saw",
                    conv, newer);
        }
    }
}
