package es.faro.client.ui.community;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.support.LiveServer;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.CommunityApi;
import es.faro.client.ui.common.SameThreadTaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.channel.Signatures;
import es.faro.protocol.community.PostState;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.Conversation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The moderation panel's and the leaderboard's models against a real embedded server, without a stage. */
class ModerationViewModelTest {
    @TempDir
    Path dir;
    LiveServer server;
    ApiClient lead;
    final SimpleObjectProperty<Conversation> open = new SimpleObjectProperty<>();

    @BeforeEach
    void start() throws Exception {
        server = new LiveServer(dir);
        lead = server.signedIn("lucia");
        post(Map.of("type", "message", "id", "vm-1", "subject", "Sin fibra", "body", "No tengo fibra",
                        "author", Map.of("id", "u-maria", "login", "maria"), "board", Map.of("id", "fibra"),
                        "post_time", "2026-11-24T08:00:00Z", "metrics", Map.of("views", 250)),
                reply("vm-2", "u-pepe", "pepe", "vm-1", 4));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Map<String, Object> reply(String id, String author, String login, String parent, long kudos) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "message");
        m.put("id", id);
        m.put("body", "Reinicia la ONT");
        m.put("author", Map.of("id", author, "login", login));
        m.put("parent", Map.of("id", parent));
        m.put("post_time", java.time.Instant.now().minusSeconds(30).toString());
        m.put("kudos", Map.of("sum", Map.of("weight", kudos)));
        return m;
    }

    @SafeVarargs
    private void post(Map<String, Object>... items) throws Exception {
        byte[] body = Json.writeBytes(Map.of("data", Map.of("items", List.of(items))));
        Request request = new Request.Builder()
                .url(server.uri() + "/api/v1/channels/community/webhook?account=comunidad-orange")
                .header(Signatures.FARO_HEADER, Signatures.hexHeader("demo-community-secret", body))
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response r = ApiClient.defaultHttpClient().newCall(request).execute()) {
            assertThat(r.code()).isEqualTo(200);
        }
    }

    private Conversation communityConversation() throws Exception {
        String id = null;
        for (Conversation c : lead.bootstrap(null).conversations()) {
            if (c.channel() == es.faro.protocol.model.Channel.COMMUNITY) {
                id = c.id();
            }
        }
        return lead.conversation(id);
    }

    @Test
    void onlyModeratedThreadsActivateThePanelAndCommandsReachTheServer() throws Exception {
        SameThreadTaskRunner tasks = new SameThreadTaskRunner();
        ModerationViewModel vm = new ModerationViewModel(new CommunityApi(lead), open, tasks);
        assertThat(vm.activeProperty().get()).isFalse();
        Conversation conv = communityConversation();
        open.set(conv);
        tasks.drain();
        assertThat(vm.activeProperty().get()).isTrue();
        assertThat(vm.posts()).extracting(p -> p.authorName()).containsExactly("maria", "pepe");

        vm.selectedProperty().set(vm.posts().get(1));
        vm.reject();
        assertThat(vm.messageProperty().get()).isEqualTo(UiText.of("community.moderation.reasonRequired"));
        vm.move();
        assertThat(vm.messageProperty().get()).isEqualTo(UiText.of("community.moderation.boardRequired"));

        vm.acceptSolution();
        tasks.drain();
        assertThat(vm.messageProperty().get()).isEqualTo(UiText.of("community.moderation.done.accept_solution"));
        assertThat(vm.posts().get(1).solution()).isTrue();
        assertThat(vm.selectedProperty().get().messageId()).isEqualTo(vm.posts().get(1).messageId());
        vm.acceptSolution();
        tasks.drain();
        assertThat(vm.messageProperty().get().key()).isEqualTo("community.moderation.refused");

        vm.selectedProperty().set(null);
        vm.reasonProperty().set("Fuera de tema");
        vm.reject();
        tasks.drain();
        assertThat(vm.posts().get(0).state()).isEqualTo(PostState.REJECTED);
        assertThat(vm.reasonProperty().get()).isEmpty();

        // Closing the thread hides the panel and forgets the posts.
        open.set(null);
        assertThat(vm.activeProperty().get()).isFalse();
        assertThat(vm.posts()).isEmpty();

        LeaderboardViewModel board = new LeaderboardViewModel(new CommunityApi(lead), List.of("orange"), tasks);
        board.refresh();
        tasks.drain();
        assertThat(board.entries()).extracting(e -> e.authorName() + " " + e.points()).containsExactly("pepe 14");
        // One solution accepted this month; the thread it solved was read 250 times.
        assertThat(board.figuresProperty().get()).isEqualTo(new CommunityApi.Figures(1, 250));
        board.brandProperty().set("jazztel");
        tasks.drain();
        assertThat(board.entries()).isEmpty();
        assertThat(board.figuresProperty().get()).isEqualTo(new CommunityApi.Figures(0, 0));
        assertThat(board.messageProperty().get()).isEqualTo(UiText.of("community.leaderboard.empty"));
    }

    /** Edit, move and spam from the panel: each reaches the server, changes the posts shown and is in the server's log. */
    @Test
    void editMoveAndSpamReachTheServerAndUpdateThePosts() throws Exception {
        SameThreadTaskRunner tasks = new SameThreadTaskRunner();
        ModerationViewModel vm = new ModerationViewModel(new CommunityApi(lead), open, tasks);
        Conversation conv = communityConversation();
        open.set(conv);
        tasks.drain();
        assertThat(vm.posts()).hasSize(2);

        // Edit the topic (nothing selected = the topic): the stored message has the new text.
        vm.edit();
        assertThat(vm.messageProperty().get()).isEqualTo(UiText.of("community.moderation.textRequired"));
        vm.editedTextProperty().set("  No tengo fibra en casa  ");
        vm.edit();
        tasks.drain();
        assertThat(vm.messageProperty().get()).isEqualTo(UiText.of("community.moderation.done.edit"));
        assertThat(vm.editedTextProperty().get()).isEqualTo("No tengo fibra en casa");
        assertThat(lead.messages(conv.id()).get(0).body()).isEqualTo("No tengo fibra en casa");

        // Move the thread: every post shows the new board.
        vm.boardProperty().set("averias");
        vm.move();
        tasks.drain();
        assertThat(vm.messageProperty().get()).isEqualTo(UiText.of("community.moderation.done.move"));
        assertThat(vm.posts()).extracting(p -> p.board()).containsOnly("averias");
        assertThat(vm.boardProperty().get()).isEmpty();

        // Mark pepe's reply as spam (with an optional reason); it stays selected.
        vm.selectedProperty().set(vm.posts().get(1));
        vm.reasonProperty().set("Publicidad");
        vm.markSpam();
        tasks.drain();
        assertThat(vm.messageProperty().get()).isEqualTo(UiText.of("community.moderation.done.spam"));
        assertThat(vm.posts().get(1).state()).isEqualTo(PostState.SPAM);
        assertThat(vm.posts().get(0).state()).isEqualTo(PostState.PENDING);
        assertThat(vm.selectedProperty().get().messageId()).isEqualTo(vm.posts().get(1).messageId());

        // A spam post cannot then be the solution: the server's refusal is shown.
        vm.acceptSolution();
        tasks.drain();
        assertThat(vm.messageProperty().get().key()).isEqualTo("community.moderation.refused");
        assertThat(vm.posts().get(1).solution()).isFalse();

        // A colleague's panel on the same thread follows these moderations live, from the events their
        // sync engine receives, without reading the posts again; events of other threads change nothing.
        ApiClient ana = server.signedIn("ana");
        SimpleObjectProperty<Conversation> hers = new SimpleObjectProperty<>(ana.conversation(conv.id()));
        ModerationViewModel colleague = new ModerationViewModel(new CommunityApi(ana), hers, tasks);
        tasks.drain();
        long cursor = ana.changes(0, 1000).last();
        vm.selectedProperty().set(vm.posts().get(0));
        vm.approve();
        tasks.drain();
        assertThat(colleague.posts().get(0).state()).isEqualTo(PostState.PENDING);
        List<es.faro.protocol.event.Event> events = ana.changes(cursor, 1000).events();
        assertThat(events).extracting(e -> e.type()).contains("community.moderated");
        colleague.onEvents(events);
        tasks.drain();
        assertThat(colleague.posts()).extracting(p -> p.board() + " " + p.state())
                .containsExactly("averias APPROVED", "averias SPAM");
        hers.set(null);
        colleague.onEvents(events);
        tasks.drain();
        assertThat(colleague.posts()).isEmpty();

        // The server read back agrees with what the panel shows.
        vm.reload();
        tasks.drain();
        assertThat(vm.posts()).extracting(p -> p.board() + " " + p.state())
                .containsExactly("averias APPROVED", "averias SPAM");
        try (Response r = ApiClient.defaultHttpClient().newCall(new Request.Builder()
                .url(server.uri() + "/api/v1/moderation/actions?conversation=" + conv.id())
                .header("Authorization", "Bearer " + lead.token()).build()).execute()) {
            String body = r.body().string();
            assertThat(Json.read(body, com.fasterxml.jackson.databind.JsonNode.class).path("items")
                    .findValuesAsText("action")).containsExactlyInAnyOrder("edit", "move", "spam", "approve");
        }
    }

    /** The edit field starts from the target post's text, follows the selection, and a reload keeps what is typed. */
    @Test
    void theEditFieldStartsFromThePostsTextAndKeepsWhatIsTyped() throws Exception {
        SameThreadTaskRunner tasks = new SameThreadTaskRunner();
        ModerationViewModel vm = new ModerationViewModel(new CommunityApi(lead), open, tasks);
        Conversation conv = communityConversation();
        vm.useBodies(id -> {
            try {
                return lead.messages(conv.id()).stream().filter(m -> m.id().equals(id)).map(m -> m.body())
                        .findFirst().orElse(null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        open.set(conv);
        tasks.drain();
        assertThat(vm.editedTextProperty().get()).isEqualTo("No tengo fibra");

        vm.selectedProperty().set(vm.posts().get(1));
        assertThat(vm.editedTextProperty().get()).isEqualTo("Reinicia la ONT");
        vm.editedTextProperty().set("Reinicia la ONT y espera cinco minutos");
        vm.reload();
        tasks.drain();
        assertThat(vm.editedTextProperty().get()).isEqualTo("Reinicia la ONT y espera cinco minutos");

        vm.edit();
        tasks.drain();
        assertThat(vm.messageProperty().get()).isEqualTo(UiText.of("community.moderation.done.edit"));
        assertThat(vm.editedTextProperty().get()).isEqualTo("Reinicia la ONT y espera cinco minutos");
        assertThat(lead.messages(conv.id()).get(1).body()).isEqualTo("Reinicia la ONT y espera cinco minutos");

        vm.selectedProperty().set(null);
        assertThat(vm.editedTextProperty().get()).isEqualTo("No tengo fibra");
    }
}
