package es.faro.client.sync;

import es.faro.protocol.model.Channel;
import es.faro.protocol.model.ConversationStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * {@code GET /api/v1/search} over the signed-in {@link ApiClient}: the server's full-text search, scoped by
 * the server to what this agent may see. Blocking: call it from a background thread.
 */
public final class SearchApi {
    private final ApiClient api;

    public SearchApi(ApiClient api) {
        this.api = api;
    }

    /** Where a hit's words are in its snippet: [start, end) in UTF-16 units. */
    public record Range(int start, int end) {
    }

    /** One match: in a message ({@code messageId} set) or in the customer's name or handle. */
    public record Hit(String match, String conversationId, String messageId, String brandId, Channel channel,
                      ConversationStatus status, String customerId, String customerName, String customerHandle,
                      Instant at, String snippet, List<Range> highlights) {
        public Hit {
            highlights = highlights == null ? List.of() : List.copyOf(highlights);
        }
    }

    /** A page of hits; {@code next} is null on the last page. */
    public record Page(List<Hit> items, String next) {
        public Page {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** @param cursor the {@code next} of the previous page, or null for the first */
    public Page search(String q, String cursor, int limit) throws IOException, ApiException {
        HttpUrl.Builder url = api.url("api/v1/search").newBuilder().addQueryParameter("q", q)
                .addQueryParameter("limit", Integer.toString(limit));
        if (cursor != null) {
            url.addQueryParameter("cursor", cursor);
        }
        Request request = api.authorized(new Request.Builder().url(url.build()).get()).build();
        return api.read(request, Page.class);
    }

}
