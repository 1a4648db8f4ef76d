package es.faro.protocol.api;

import es.faro.protocol.model.ConversationStatus;

public record StatusRequest(ConversationStatus status, Long version) {
}
