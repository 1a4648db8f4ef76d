package es.faro.protocol.api;

import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Message;

public record PostMessageResponse(Message message, Conversation conversation) {
}
