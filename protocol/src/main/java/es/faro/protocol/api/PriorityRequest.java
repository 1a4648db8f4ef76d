package es.faro.protocol.api;

import es.faro.protocol.model.Priority;

public record PriorityRequest(Priority priority, Long version) {
}
