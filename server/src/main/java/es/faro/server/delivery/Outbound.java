package es.faro.server.delivery;

import es.faro.protocol.model.BrandAccount;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Message;

/**
 * One outbound message as a connector needs it: the message, its conversation, the brand account it
 * goes out from (always the conversation's brand), the network id of the customer message it answers
 * ({@code replyToId}, the latest inbound message of the same visibility), the customer's user id on
 * the network (for DMs) and the delivery key, the same on every attempt.
 */
public record Outbound(Message message, Conversation conversation, BrandAccount account, String replyToId,
                       String customerUserId, String deliveryKey) {

    public boolean isPublic() {
        return message.isPublic();
    }

    public String text() {
        return message.body();
    }
}
