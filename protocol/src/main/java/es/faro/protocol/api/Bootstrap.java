package es.faro.protocol.api;

import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.ReferenceData;
import java.util.List;

/**
 * One page of the snapshot. The first page carries {@code reference}; every page carries the same
 * {@code cursor} (the seq the snapshot is valid at) and {@code next}, the page token to ask for
 * next, or null on the last page. Messages are the recent ones of the page's conversations.
 */
public record Bootstrap(ReferenceData reference, List<Conversation> conversations, List<Message> messages,
                        long cursor, String next) {
    public Bootstrap {
        conversations = conversations == null ? List.of() : List.copyOf(conversations);
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
