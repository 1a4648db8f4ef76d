package es.faro.protocol.metrics;

import es.faro.protocol.model.Channel;

/**
 * The live figures for one group: a brand × channel pair, a queue, or an agent (the fields that do
 * not apply to the grouping are null).
 */
public record Breakdown(String brandId, Channel channel, String queueId, String agentId, int backlog, int warning,
                        int breached, ServiceLevel serviceLevel) {
}
