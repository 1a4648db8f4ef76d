package es.faro.protocol.model;

import java.util.List;

/**
 * A reusable reply. The body may hold placeholders ({@code {{customer.name}}}, {@code {{agent.name}}},
 * {@code {{brand}}}) and prompted variables ({@code {{ask:Número de pedido}}}). A null brand means
 * every brand; a null owner means shared.
 */
public record CannedResponse(String id, String brandId, String language, String folder, String title,
                             String shortcut, String body, List<String> labels, String ownerId,
                             int usageCount) {
    public CannedResponse {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
