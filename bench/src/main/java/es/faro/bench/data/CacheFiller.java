package es.faro.bench.data;

import es.faro.client.cache.SqliteCache;
import es.faro.protocol.api.Bootstrap;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.ReferenceData;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills a client cache the way a bootstrap does: the product's own {@link SqliteCache#applyBootstrap}
 * page by page (FTS index included), reference data on the first page, the cursor on the last.
 */
public final class CacheFiller {
    /** Conversations per page, like a server bootstrap page. */
    public static final int PAGE = 500;

    private CacheFiller() {
    }

    /** What was written. */
    public record Filled(int conversations, long messages, int active) {
    }

    public static Filled fill(SqliteCache cache, DataGenerator generator, ReferenceData reference,
                              int conversations, long messages, long cursor) {
        long[] counts = new long[3];
        int pages = (conversations + PAGE - 1) / PAGE;
        int[] page = {0};
        generator.generate(conversations, messages, PAGE, threads -> {
            List<Conversation> cs = new ArrayList<>(threads.size());
            List<Message> ms = new ArrayList<>();
            for (DataGenerator.Thread t : threads) {
                cs.add(t.conversation());
                ms.addAll(t.messages());
                if (t.conversation().status().isActive()) {
                    counts[2]++;
                }
            }
            page[0]++;
            boolean last = page[0] == pages;
            cache.applyBootstrap(new Bootstrap(page[0] == 1 ? reference : null, cs, ms, cursor,
                    last ? null : "page-" + (page[0] + 1)));
            counts[0] += cs.size();
            counts[1] += ms.size();
        });
        return new Filled((int) counts[0], counts[1], (int) counts[2]);
    }
}
