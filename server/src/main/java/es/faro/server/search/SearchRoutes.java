package es.faro.server.search;

import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.ConversationStatus;
import es.faro.server.http.ApiException;
import es.faro.server.http.Principal;
import es.faro.server.store.Scope;
import es.faro.server.store.SearchIndex;
import es.faro.server.store.Store;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/v1/search?q=&limit=&cursor=&brand=&channel=&status=}: ranked matches in message bodies and
 * in customers' names and handles, only on conversations the caller may see (an agent's brands and
 * channels; leads, admins and analysts everything), cursor-paged, each with a highlighted excerpt.
 */
public final class SearchRoutes {
    public static final String PATH = "/api/v1/search";
    /** How deep paging goes: past this, narrow the search instead. */
    static final int MAX_OFFSET = 1000;

    private final Store store;

    public SearchRoutes(Store store) {
        this.store = store;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::search);
    }

    private void search(Context ctx) {
        Agent agent = Principal.agent(ctx);
        SearchTerms terms = SearchTerms.parse(ctx.queryParam("q"));
        int limit = limit(ctx.queryParam("limit"));
        int offset = offset(ctx.queryParam("cursor"));
        SearchIndex.Filter filter = new SearchIndex.Filter(text(ctx, "brand"), channel(text(ctx, "channel")),
                status(text(ctx, "status")));
        // One more than asked tells whether there is a next page.
        List<SearchIndex.Hit> hits = store.read(c -> SearchIndex.search(c, terms.words(), Scope.of(agent), filter,
                limit + 1, offset));
        List<Map<String, Object>> items = new ArrayList<>();
        for (SearchIndex.Hit hit : hits.subList(0, Math.min(limit, hits.size()))) {
            items.add(item(hit, terms));
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("next", hits.size() > limit && offset + limit < MAX_OFFSET ? cursor(offset + limit) : null);
        ctx.json(page);
    }

    private static Map<String, Object> item(SearchIndex.Hit hit, SearchTerms terms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("match", hit.inMessage() ? "message" : "customer");
        m.put("conversationId", hit.conversation().id());
        m.put("messageId", hit.inMessage() ? hit.message().id() : null);
        m.put("brandId", hit.conversation().brandId());
        m.put("channel", hit.conversation().channel());
        m.put("status", hit.conversation().status());
        m.put("customerId", hit.customer().id());
        m.put("customerName", hit.customer().name());
        m.put("customerHandle", hit.customer().handle());
        m.put("at", hit.inMessage() ? hit.message().createdAt() : hit.conversation().updatedAt());
        String text = hit.inMessage() ? hit.message().body()
                : nonNull(hit.customer().name()) + " " + nonNull(hit.customer().handle());
        Highlighter.Snippet snippet = Highlighter.snippet(text, terms.words());
        m.put("snippet", snippet.text());
        m.put("highlights", snippet.highlights().stream().map(r -> Map.of("start", r.start(), "end", r.end())).toList());
        return m;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static int limit(String v) {
        if (v == null || v.isBlank()) {
            return 20;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1 || n > 100) {
                throw ApiException.validation("limit must be between 1 and 100");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.validation("limit must be a whole number");
        }
    }

    static String cursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("s:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            if (plain.startsWith("s:")) {
                int offset = Integer.parseInt(plain.substring(2));
                if (offset >= 0 && offset <= MAX_OFFSET) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the 400 below (NumberFormatException is an IllegalArgumentException)
        }
        throw ApiException.badRequest("cursor is not a token this server issued");
    }

    private static Channel channel(String v) {
        if (v == null) {
            return null;
        }
        try {
            return Channel.fromWire(v);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("unknown channel " + v);
        }
    }

    private static ConversationStatus status(String v) {
        if (v == null) {
            return null;
        }
        try {
            return ConversationStatus.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("status has an unknown value " + v);
        }
    }
}
