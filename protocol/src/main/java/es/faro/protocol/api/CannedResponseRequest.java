package es.faro.protocol.api;

import java.util.List;

/**
 * Body of {@code POST /api/v1/canned-responses} and {@code PUT .../{id}}: what an editor sets. The
 * server assigns the id and keeps the usage count. A null brand means every brand; a null owner
 * makes it shared (admins and leads), an owner makes it that agent's personal one.
 */
public record CannedResponseRequest(String brandId, String language, String folder, String title, String shortcut,
                                    String body, List<String> labels, String ownerId) {
    public CannedResponseRequest {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
