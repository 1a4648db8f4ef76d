package es.faro.client.ui.canned;

import es.faro.client.ui.keyboard.FuzzyMatcher;
import es.faro.protocol.model.CannedResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The canned responses one agent may use, folded once for fuzzy search: shared ones and the agent's
 * own personal ones. {@link #search} narrows to a brand (brand-less ones always fit) and a language,
 * and sorts by match quality (shortcut counts most, then title, then body), then usage, then title.
 */
public final class CannedSearch {
    private final List<Entry> entries;

    private record Entry(CannedResponse response, String shortcut, String title, String body) {
    }

    /** A hit: the response and how well it matched. */
    public record Hit(CannedResponse response, int score) {
    }

    public CannedSearch(List<CannedResponse> all, String agentId) {
        List<Entry> list = new ArrayList<>(all.size());
        for (CannedResponse r : all) {
            if (r.ownerId() == null || r.ownerId().equals(agentId)) {
                list.add(new Entry(r, FuzzyMatcher.fold(r.shortcut()), FuzzyMatcher.fold(r.title()),
                        FuzzyMatcher.fold(r.body())));
            }
        }
        this.entries = List.copyOf(list);
    }

    public static CannedSearch empty() {
        return new CannedSearch(List.of(), null);
    }

    public int size() {
        return entries.size();
    }

    /** Hits for {@code query}; {@code brandId}/{@code language} null = any. At most {@code limit}. */
    public List<Hit> search(String query, String brandId, String language, int limit) {
        String q = FuzzyMatcher.fold(query == null ? "" : query.strip());
        List<Hit> hits = new ArrayList<>();
        for (Entry e : entries) {
            CannedResponse r = e.response();
            if (brandId != null && r.brandId() != null && !brandId.equals(r.brandId())) {
                continue;
            }
            if (language != null && r.language() != null && !language.equals(r.language())) {
                continue;
            }
            int score = q.isEmpty() ? 1 : Math.max(Math.max(FuzzyMatcher.score(q, e.shortcut()) * 3,
                    FuzzyMatcher.score(q, e.title()) * 2), FuzzyMatcher.score(q, e.body()));
            if (score > 0) {
                hits.add(new Hit(r, score));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::score).reversed()
                .thenComparing(Comparator.comparingInt((Hit h) -> h.response().usageCount()).reversed())
                .thenComparing(h -> h.response().title() == null ? "" : h.response().title()));
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
    }
}
