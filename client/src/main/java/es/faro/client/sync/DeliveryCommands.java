package es.faro.client.sync;

import es.faro.protocol.model.Message;
import java.io.IOException;

/**
 * The agent's delivery actions on a reply (issue 7): send a FAILED one again, or mark a reply PREPARED
 * for a forum as posted by hand. Online actions: they block on the server, so call them off the UI
 * thread. The server's {@code message.upserted} event brings the new state to every client.
 */
public interface DeliveryCommands {
    Message retry(String conversationId, String messageId) throws IOException, ApiException;

    Message markPosted(String conversationId, String messageId, String url) throws IOException, ApiException;
}
