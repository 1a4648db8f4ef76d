package es.faro.protocol.community;

/**
 * A member on the superuser leaderboard of a brand for a period: accepted solutions and kudos in
 * the period, the points they earned, and the member's all-time points and level.
 */
public record LeaderboardEntry(int rank, String brandId, String authorId, String authorName, long solutions,
                               long kudos, long points, long totalPoints, String level) {
}
