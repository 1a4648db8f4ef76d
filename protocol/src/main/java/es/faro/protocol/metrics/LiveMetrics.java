package es.faro.protocol.metrics;

import java.time.Instant;
import java.util.List;

/**
 * The team lead's live picture ({@code GET /api/v1/metrics/live}): today's service level and CSAT
 * (the day in Europe/Madrid), backlog, oldest waiting, clocks in WARNING and BREACHED, agents, and
 * the breakdowns and staffing forecast.
 */
public record LiveMetrics(Instant at, ServiceLevel serviceLevel, Csat csat, int backlog, Instant oldestWaitingSince,
                          int warning, int breached, List<AgentLoad> agents, List<Breakdown> byBrandChannel,
                          List<Breakdown> byQueue, List<Breakdown> byAgent, List<StaffingForecast> forecast) {
    public LiveMetrics {
        agents = agents == null ? List.of() : List.copyOf(agents);
        byBrandChannel = byBrandChannel == null ? List.of() : List.copyOf(byBrandChannel);
        byQueue = byQueue == null ? List.of() : List.copyOf(byQueue);
        byAgent = byAgent == null ? List.of() : List.copyOf(byAgent);
        forecast = forecast == null ? List.of() : List.copyOf(forecast);
    }
}
