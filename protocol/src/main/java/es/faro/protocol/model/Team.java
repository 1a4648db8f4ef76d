package es.faro.protocol.model;

import java.util.List;

/** A team: a lead and the agents they lead. Leads see (and manage the presence and work of) their teams. */
public record Team(String id, String name, String leadId, List<String> members) {
    public Team {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
