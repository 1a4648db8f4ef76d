package es.faro.protocol.api;

import java.util.List;

/** Labels to add and to remove, applied together. */
public record LabelsRequest(List<String> add, List<String> remove, Long version) {
    public LabelsRequest {
        add = add == null ? List.of() : List.copyOf(add);
        remove = remove == null ? List.of() : List.copyOf(remove);
    }
}
