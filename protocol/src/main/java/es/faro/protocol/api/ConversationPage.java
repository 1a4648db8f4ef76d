package es.faro.protocol.api;

import es.faro.protocol.model.Conversation;
import java.util.List;

/** A page of conversation summaries; {@code next} is the {@code after} token of the next page, or null. */
public record ConversationPage(List<Conversation> items, String next) {
}
