package es.faro.server.community;

import es.faro.protocol.community.ModerationAction;
import es.faro.protocol.community.ModerationKind;
import es.faro.protocol.model.Channel;
import es.faro.server.store.Store;
import java.time.Instant;
import java.util.List;

/** Reads the moderation log (list, paging, export); {@code visibleBrands} null = every brand. */
public final class ModerationLog {
    private final Store store;

    public ModerationLog(Store store) {
        this.store = store;
    }

    public record Query(String brandId, Channel channel, String conversationId, String agentId, ModerationKind action,
                        Instant from, Instant to, List<String> visibleBrands) {
    }

    /** In (at, id) order after the position; {@code limit} 0 = all. */
    public List<ModerationAction> page(Query q, Long afterAt, String afterId, int limit) {
        return store.read(c -> CommunityTables.actions(c, new CommunityTables.ActionFilter(q.brandId(), q.channel(),
                q.conversationId(), q.agentId(), q.action(), q.from(), q.to(), q.visibleBrands()), afterAt, afterId,
                limit));
    }
}
