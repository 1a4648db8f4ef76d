package es.faro.client.metrics;

import es.faro.protocol.metrics.LiveMetrics;
import es.faro.protocol.model.Conversation;
import java.time.Instant;
import java.util.List;

/**
 * One immutable picture of the floor computed on the client: the same {@link LiveMetrics} record
 * the server's {@code /api/v1/metrics/live} answers (CSAT and the forecast are not derivable from
 * the cache, so they are left as "no data" and empty here), plus what only the dashboard needs.
 *
 * @param dayStart     start of "today" in Europe/Madrid, the service level's window
 * @param agentsOnline agents (role AGENT) whose presence is ONLINE
 * @param agentsAway   agents whose presence is AWAY
 * @param atRisk       conversations waiting on us whose clock is in WARNING, soonest due first
 */
public record LiveSnapshot(LiveMetrics metrics, Instant dayStart, int agentsOnline, int agentsAway,
                           List<Conversation> atRisk) {
    public LiveSnapshot {
        atRisk = List.copyOf(atRisk);
    }
}
