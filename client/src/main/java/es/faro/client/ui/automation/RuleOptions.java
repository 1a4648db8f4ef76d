package es.faro.client.ui.automation;

import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.CannedResponse;
import es.faro.protocol.model.Label;
import es.faro.protocol.model.Workqueue;
import java.util.List;

/**
 * What a rule may name, for the editor's pickers and its checks: brands, labels, shared queues,
 * agents and canned responses (the same lists the server validates against).
 */
public record RuleOptions(List<Brand> brands, List<Label> labels, List<Workqueue> queues, List<Agent> agents,
                          List<CannedResponse> canned) {
    public static final RuleOptions NONE = new RuleOptions(null, null, null, null, null);

    public RuleOptions {
        brands = brands == null ? List.of() : List.copyOf(brands);
        labels = labels == null ? List.of() : List.copyOf(labels);
        queues = queues == null ? List.of() : queues.stream().filter(q -> !q.personal()).toList();
        agents = agents == null ? List.of() : List.copyOf(agents);
        canned = canned == null ? List.of() : canned.stream().filter(c -> c.ownerId() == null).toList();
    }

    boolean hasBrand(String id) {
        return brands.stream().anyMatch(b -> b.id().equals(id));
    }

    boolean hasLabel(String id) {
        return labels.stream().anyMatch(l -> l.id().equals(id));
    }

    boolean hasQueue(String id) {
        return queues.stream().anyMatch(q -> q.id().equals(id));
    }

    boolean hasAgent(String id) {
        return agents.stream().anyMatch(a -> a.id().equals(id));
    }

    boolean hasCanned(String id) {
        return canned.stream().anyMatch(c -> c.id().equals(id));
    }
}
