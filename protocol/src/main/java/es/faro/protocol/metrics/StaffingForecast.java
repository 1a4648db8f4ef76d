package es.faro.protocol.metrics;

import java.time.Duration;

/**
 * Erlang C: agents needed in the next hour for {@code targetServiceLevel} of contacts answered within
 * {@code targetAnswerTime}, from the last hour's arrivals and the average handle time.
 */
public record StaffingForecast(String brandId, double arrivalsPerHour, Duration averageHandleTime,
                               Duration targetAnswerTime, double targetServiceLevel, int agentsNeeded) {
}
