package es.faro.protocol.community;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/community/leaderboard}: the ranking of one brand (or all) over {@code [from, to)}. */
public record Leaderboard(String brandId, Instant from, Instant to, List<LeaderboardEntry> items) {
}
