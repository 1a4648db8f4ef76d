package es.faro.client.sync;

import static es.faro.client.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import es.faro.client.app.ClientSession;
import es.faro.client.support.LiveServer;
import es.faro.protocol.api.ErrorCodes;
import es.faro.protocol.model.Conversation;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gap is caught up by cursor; a full re-bootstrap happens only when the server says the cursor is
 * not in its log (here: the server was replaced by a fresh one, whose log is shorter than the cache's
 * cursor). Real servers on 127.0.0.1, real cache file.
 */
class CursorTooOldTest {
    private static final Duration SOON = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private static ClientSession connect(LiveServer server, Path cacheDir) throws Exception {
        ApiClient api = server.signedIn("ana");
        ClientSession s = ClientSession.start(api, api.me(), cacheDir, "same-server");
        await("online", SOON, () -> s.sync().state().status() == ConnectionState.Status.ONLINE);
        return s;
    }

    @Test
    void theServerRefusesACursorBeyondItsLog() throws Exception {
        try (LiveServer server = new LiveServer(dir.resolve("server"))) {
            ApiClient ana = server.signedIn("ana");
            long head = ana.changes(0, 5_000).last();
            assertThatThrownBy(() -> ana.changes(head + 1_000, 10))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(410);
                        assertThat(e.code()).isEqualTo(ErrorCodes.CURSOR_TOO_OLD);
                    });
            assertThat(ana.changes(head, 10).events()).isEmpty();
        }
    }

    @Test
    void aCacheAheadOfAFreshServerBootstrapsAgainAndHoldsOnlyTheNewServersData() throws Exception {
        Path cacheDir = dir.resolve("cache");
        long oldCursor;
        try (LiveServer old = new LiveServer(dir.resolve("old"))) {
            String orange = old.twitterAccountOf("orange");
            for (int i = 0; i < 5; i++) {
                old.tweet(orange, "91" + i, "Cliente Antiguo " + i, "mensaje antiguo " + i);
            }
            try (ClientSession s = connect(old, cacheDir)) {
                await("the old conversations cached", SOON, () -> s.cache().activeConversations().size() == 5);
                oldCursor = s.cache().cursor();
            }
        }
        try (LiveServer fresh = new LiveServer(dir.resolve("fresh"))) {
            fresh.tweet(fresh.twitterAccountOf("orange"), "9201", "Cliente Nuevo", "mensaje nuevo");
            assertThat(fresh.signedIn("ana").changes(0, 5_000).last()).isLessThan(oldCursor);
            try (ClientSession s = connect(fresh, cacheDir)) {
                await("only the fresh server's conversation", SOON, () -> {
                    var all = s.cache().activeConversations();
                    return all.size() == 1 && all.get(0).customerName().equals("Cliente Nuevo");
                });
                assertThat(s.cache().cursor()).isLessThan(oldCursor);
            }
        }
    }

    @Test
    void aCacheBehindTheServerCatchesUpByCursor() throws Exception {
        Path cacheDir = dir.resolve("cache2");
        try (LiveServer server = new LiveServer(dir.resolve("server2"))) {
            String orange = server.twitterAccountOf("orange");
            server.tweet(orange, "9301", "Primera Clienta", "hola");
            try (ClientSession s = connect(server, cacheDir)) {
                await("cached", SOON, () -> s.cache().activeConversations().size() == 1);
            }
            server.tweet(orange, "9302", "Segunda Clienta", "hola otra vez");
            try (ClientSession s = connect(server, cacheDir)) {
                await("the missed conversation", SOON, () -> s.cache().activeConversations().size() == 2);
                assertThat(s.cache().activeConversations()).extracting(Conversation::customerName)
                        .containsExactlyInAnyOrder("Primera Clienta", "Segunda Clienta");
            }
        }
    }
}
