package es.faro.server.channels;

import static es.faro.server.channels.JsonFields.object;
import static es.faro.server.channels.JsonFields.optText;
import static es.faro.server.channels.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.model.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One {@code entry[].messaging[]} item of a Meta webhook (Messenger and Instagram Direct share the
 * shape): {@code message} (a new message; {@code is_echo} = sent by the page; {@code is_deleted} =
 * the customer unsent it), {@code message_edit} (the customer changed its text). Deliveries, reads
 * and reactions are left out.
 */
final class MetaMessaging {
    private MetaMessaging() {
    }

    static Optional<InboundMessage> parse(Channel channel, String account, JsonNode m) {
        JsonNode msg = m.get("message");
        JsonNode edit = m.get("message_edit");
        if ((msg == null || !msg.isObject()) && (edit == null || !edit.isObject())) {
            return Optional.empty(); // deliveries, reads, reactions
        }
        if (msg != null && msg.path("is_echo").asBoolean(false)) {
            return Optional.empty(); // our own message coming back
        }
        String sender = text(object(m, "sender", "entry[].messaging[]"), "id", "entry[].messaging[].sender");
        if (sender.equals(account)) {
            return Optional.empty();
        }
        JsonNode ts = m.get("timestamp");
        if (ts == null || !ts.canConvertToLong()) {
            throw new PayloadException("entry[].messaging[].timestamp must be milliseconds");
        }
        Instant at = Instant.ofEpochMilli(ts.asLong());
        if (edit != null && edit.isObject()) {
            return Optional.of(new InboundMessage(channel, account,
                    text(edit, "mid", "entry[].messaging[].message_edit"), sender, null, null, 0,
                    text(edit, "text", "entry[].messaging[].message_edit"), false, List.of(), at, null)
                    .asUpdate());
        }
        String mid = text(msg, "mid", "entry[].messaging[].message");
        if (msg.path("is_deleted").asBoolean(false)) {
            return Optional.of(InboundMessage.deletion(channel, account, mid, at));
        }
        JsonNode replyTo = msg.path("reply_to");
        String body = optText(msg, "text");
        JsonNode attachments = msg.get("attachments");
        if ((body == null || body.isEmpty()) && attachments != null && attachments.isArray()
                && !attachments.isEmpty()) {
            body = "[" + attachments.get(0).path("type").asText("attachment") + "]"; // a photo or sticker only
        } else {
            body = text(msg, "text", "entry[].messaging[].message");
        }
        return Optional.of(new InboundMessage(channel, account, mid, sender, null, null, 0, body, false,
                List.of(replyTo.path("mid").asText("")), at, null));
    }
}
