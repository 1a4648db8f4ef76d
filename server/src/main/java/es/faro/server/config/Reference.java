package es.faro.server.config;

import es.faro.protocol.model.Brand;
import es.faro.protocol.model.BrandAccount;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.Label;
import es.faro.protocol.model.ReferenceData;
import es.faro.protocol.sla.BusinessCalendar;
import es.faro.protocol.sla.SlaCalculator;
import es.faro.server.routing.QueueRouter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The loaded reference data with the lookups ingest and workflow need (immutable). */
public final class Reference {
    private final ReferenceData data;
    private final Map<String, Brand> brandsByAccount = new HashMap<>();
    private final SlaCalculator sla;
    private final QueueRouter router;
    private final Set<String> labelIds;

    public Reference(ReferenceData data) {
        this.data = data;
        for (Brand b : data.brands()) {
            for (Map.Entry<Channel, BrandAccount> a : b.accounts().entrySet()) {
                if (a.getValue() != null && a.getValue().id() != null) {
                    brandsByAccount.put(key(a.getKey(), a.getValue().id()), b);
                }
            }
        }
        Map<String, BusinessCalendar> calendars = data.calendars().stream()
                .collect(Collectors.toMap(BusinessCalendar::id, Function.identity(), (a, b) -> a));
        this.sla = new SlaCalculator(data.slaPolicies(), calendars);
        this.router = new QueueRouter(data.queues());
        this.labelIds = data.labels().stream().map(Label::id).collect(Collectors.toUnmodifiableSet());
    }

    private static String key(Channel channel, String accountId) {
        return channel.name() + "\u0000" + accountId;
    }

    public ReferenceData data() {
        return data;
    }

    /** The brand owning the account on the channel (X user id, page id, package name…). */
    public Optional<Brand> brandForAccount(Channel channel, String accountId) {
        return Optional.ofNullable(brandsByAccount.get(key(channel, accountId)));
    }

    public SlaCalculator sla() {
        return sla;
    }

    public QueueRouter router() {
        return router;
    }

    public boolean labelExists(String id) {
        return labelIds.contains(id);
    }
}
