package es.faro.client.sync;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.protocol.community.CommunityPost;
import es.faro.protocol.community.Leaderboard;
import es.faro.protocol.community.ModerationRequest;
import es.faro.protocol.community.Moderated;
import es.faro.protocol.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The community endpoints: a thread's posts and their moderation, the superuser leaderboard and the
 * programme's figures.
 * Moderation acts on the server directly (it is not queued in the outbox: a moderator needs the
 * server's answer, e.g. that a thread already has its solution). Blocking calls: use them from
 * background threads.
 */
public final class CommunityApi {
    private static final MediaType JSON = MediaType.get("application/json");

    private final ApiClient api;

    public CommunityApi(ApiClient api) {
        this.api = api;
    }

    /** {@code GET /api/v1/conversations/{id}/community}: the thread's posts, topic first. */
    public List<CommunityPost> posts(String conversationId) throws IOException, ApiException {
        JsonNode root = send(get(api.url("api/v1/conversations/" + conversationId + "/community")), JsonNode.class);
        List<CommunityPost> out = new ArrayList<>();
        for (JsonNode p : root.path("posts")) {
            out.add(Json.convert(p, CommunityPost.class));
        }
        return out;
    }

    /** {@code POST /api/v1/conversations/{id}/moderation}. */
    public Moderated moderate(String conversationId, ModerationRequest request) throws IOException, ApiException {
        Request r = api.authorized(new Request.Builder()
                .url(api.url("api/v1/conversations/" + conversationId + "/moderation"))
                .post(RequestBody.create(Json.writeBytes(request), JSON))).build();
        return send(r, Moderated.class);
    }

    /** {@code GET /api/v1/community/leaderboard?brand=&period=&limit=}; {@code brandId} null = every brand. */
    public Leaderboard leaderboard(String brandId, String period, int limit) throws IOException, ApiException {
        HttpUrl.Builder url = api.url("api/v1/community/leaderboard").newBuilder()
                .addQueryParameter("period", period)
                .addQueryParameter("limit", Integer.toString(limit));
        if (brandId != null) {
            url.addQueryParameter("brand", brandId);
        }
        return send(get(url.build()), Leaderboard.class);
    }

    /** The programme's headline figures over a window: solutions accepted and views of the threads they solved. */
    public record Figures(long approvedSolutions, long solvedThreadViews) {
    }

    /**
     * {@code GET /api/v1/metrics/community?groupBy=brand&from=&to=}: the figures of {@code brandId}, or of
     * every brand when null.
     */
    public Figures figures(String brandId, java.time.Instant from, java.time.Instant to)
            throws IOException, ApiException {
        HttpUrl url = api.url("api/v1/metrics/community").newBuilder()
                .addQueryParameter("groupBy", "brand")
                .addQueryParameter("from", from.toString())
                .addQueryParameter("to", to.toString()).build();
        JsonNode root = send(get(url), JsonNode.class);
        long solutions = 0;
        long views = 0;
        for (JsonNode row : root.path("rows")) {
            if (brandId == null || brandId.equals(row.path("key").asText())) {
                solutions += row.path("values").path("approvedSolutions").asLong();
                views += row.path("values").path("solvedThreadViews").asLong();
            }
        }
        return new Figures(solutions, views);
    }

    private Request get(HttpUrl url) {
        return api.authorized(new Request.Builder().url(url).get()).build();
    }

    private <T> T send(Request request, Class<T> type) throws IOException, ApiException {
        return api.read(request, type);
    }
}
