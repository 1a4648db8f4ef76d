package es.faro.server.config;

import es.faro.protocol.model.Brand;
import es.faro.protocol.model.CannedResponse;
import es.faro.protocol.model.Label;
import es.faro.protocol.model.Workqueue;
import es.faro.protocol.sla.BusinessCalendar;
import es.faro.protocol.sla.SlaPolicy;
import java.util.List;

/** The reference data files as read from disk or the classpath, before they go into the store. */
public record ReferenceSeed(List<Brand> brands, List<Label> labels, List<Workqueue> queues, List<UserSeed> users,
                            List<BusinessCalendar> calendars, List<SlaPolicy> slaPolicies,
                            List<CannedResponse> cannedResponses) {
    public ReferenceSeed {
        brands = List.copyOf(brands);
        labels = List.copyOf(labels);
        queues = List.copyOf(queues);
        users = List.copyOf(users);
        calendars = List.copyOf(calendars);
        slaPolicies = List.copyOf(slaPolicies);
        cannedResponses = List.copyOf(cannedResponses);
    }
}
