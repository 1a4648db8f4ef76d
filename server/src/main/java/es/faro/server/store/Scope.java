package es.faro.server.store;

import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * What a user may see, as SQL: plain agents are limited to their brands (and channels when they
 * list any); leads, admins and analysts see everything. Mirrors {@link Agent#canSee}.
 */
public record Scope(boolean all, List<String> brands, List<Channel> channels) {

    public static Scope of(Agent agent) {
        boolean all = agent.hasRole(Role.LEAD) || agent.hasRole(Role.ADMIN) || agent.hasRole(Role.ANALYST);
        return new Scope(all, agent.brands(), agent.channels());
    }

    public static Scope everything() {
        return new Scope(true, List.of(), List.of());
    }

    /** A WHERE fragment (starting with " AND ") over the given columns, adding its parameters to {@code params}. */
    String sql(String brandColumn, String channelColumn, boolean nullBrandVisible, List<Object> params) {
        if (all) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" AND (");
        if (nullBrandVisible) {
            sb.append(brandColumn).append(" IS NULL OR (");
        }
        if (brands.isEmpty()) {
            sb.append("1=0");
        } else {
            sb.append(brandColumn).append(" IN (").append(placeholders(brands.size())).append(')');
            params.addAll(brands);
        }
        if (!channels.isEmpty()) {
            sb.append(" AND ").append(channelColumn).append(" IN (").append(placeholders(channels.size())).append(')');
            channels.forEach(ch -> params.add(ch.name()));
        }
        if (nullBrandVisible) {
            sb.append(')');
        }
        return sb.append(')').toString();
    }

    static String placeholders(int n) {
        List<String> q = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            q.add("?");
        }
        return String.join(", ", q);
    }
}
