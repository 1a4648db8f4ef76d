package es.faro.protocol.model;

import es.faro.protocol.sla.BusinessCalendar;
import es.faro.protocol.sla.SlaPolicy;
import java.util.List;

/** Everything a client needs besides conversations: brands, channels, queues, agents, labels, canned responses, SLA. */
public record ReferenceData(List<Brand> brands, List<ChannelInfo> channels, List<Workqueue> queues, List<Agent> agents,
                            List<Label> labels, List<CannedResponse> cannedResponses, List<SlaPolicy> slaPolicies,
                            List<BusinessCalendar> calendars) {
    public ReferenceData {
        brands = brands == null ? List.of() : List.copyOf(brands);
        channels = channels == null ? List.of() : List.copyOf(channels);
        queues = queues == null ? List.of() : List.copyOf(queues);
        agents = agents == null ? List.of() : List.copyOf(agents);
        labels = labels == null ? List.of() : List.copyOf(labels);
        cannedResponses = cannedResponses == null ? List.of() : List.copyOf(cannedResponses);
        slaPolicies = slaPolicies == null ? List.of() : List.copyOf(slaPolicies);
        calendars = calendars == null ? List.of() : List.copyOf(calendars);
    }
}
