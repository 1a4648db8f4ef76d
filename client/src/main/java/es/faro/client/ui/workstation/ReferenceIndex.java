package es.faro.client.ui.workstation;

import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Label;
import es.faro.protocol.model.ReferenceData;
import es.faro.protocol.model.Role;
import es.faro.protocol.model.Workqueue;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reference data as the workstation looks it up, scoped to what this agent may see: brands by id,
 * labels by id, agents by id, the visible brands and queues in display order.
 */
public final class ReferenceIndex {
    private final Agent me;
    private final Map<String, Brand> brands;
    private final Map<String, Label> labels;
    private final Map<String, Agent> agents;
    private final List<Brand> visibleBrands;
    private final List<Workqueue> visibleQueues;

    public ReferenceIndex(ReferenceData data, Agent me) {
        this.me = me;
        this.brands = index(data.brands(), Brand::id);
        this.labels = index(data.labels(), Label::id);
        this.agents = index(data.agents(), Agent::id);
        this.visibleBrands = data.brands().stream().filter(b -> seesBrand(b.id()))
                .sorted(Comparator.comparing(Brand::name, String.CASE_INSENSITIVE_ORDER)).toList();
        // A queue scoped only to brands the agent cannot see would always read 0: leave it out.
        this.visibleQueues = data.queues().stream()
                .filter(q -> q.brands().isEmpty() || q.brands().stream().anyMatch(this::seesBrand))
                // Others' personal views are theirs alone.
                .filter(q -> q.owner() == null || q.owner().equals(me.id()))
                .sorted(Comparator.comparingInt(Workqueue::position).thenComparing(Workqueue::name)).toList();
    }

    public static ReferenceIndex empty(Agent me) {
        return new ReferenceIndex(new ReferenceData(null, null, null, null, null, null, null, null), me);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> b, LinkedHashMap::new));
    }

    private boolean seesBrand(String brandId) {
        return me.hasRole(Role.LEAD) || me.hasRole(Role.ADMIN) || me.hasRole(Role.ANALYST) || me.brands().contains(brandId);
    }

    /** Whether the agent's skills let them work this conversation (the cache may hold more). */
    public boolean visible(Conversation c) {
        return me.canSee(c.brandId(), c.channel());
    }

    public Optional<Brand> brand(String id) {
        return Optional.ofNullable(id == null ? null : brands.get(id));
    }

    public Optional<Label> label(String id) {
        return Optional.ofNullable(id == null ? null : labels.get(id));
    }

    public Optional<Agent> agent(String id) {
        return Optional.ofNullable(id == null ? null : agents.get(id));
    }

    /** Every agent, by name (e.g. to pick an assignee). */
    public List<Agent> agents() {
        return agents.values().stream().sorted(Comparator.comparing(Agent::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** A label's display name, or its id when the label is unknown (e.g. deleted meanwhile). */
    public String labelName(String id) {
        return label(id).map(Label::name).orElse(id);
    }

    public List<Label> labels() {
        return labels.values().stream().sorted(Comparator.comparing(Label::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    public List<Brand> visibleBrands() {
        return visibleBrands;
    }

    public List<Workqueue> visibleQueues() {
        return visibleQueues;
    }

    /** "Ana García" → "AG"; one word → its first two letters. */
    public static String initials(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String[] words = name.trim().split("\\s+");
        if (words.length == 1) {
            return words[0].substring(0, Math.min(2, words[0].length())).toUpperCase();
        }
        return (words[0].substring(0, 1) + words[words.length - 1].substring(0, 1)).toUpperCase();
    }
}
