package es.faro.client.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import es.faro.client.cache.ThreadMessage;
import es.faro.client.support.LiveServer;
import es.faro.client.sync.ApiClient;
import es.faro.client.sync.DeliveryApi;
import es.faro.client.ui.common.SameThreadTaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.api.PostMessageRequest;
import es.faro.protocol.json.Json;
import es.faro.protocol.model.DeliveryState;
import es.faro.protocol.model.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The thread's delivery commands against a real server: Retry re-queues a failed reply, and only a failed one. */
class ThreadDeliveryTest {
    @TempDir
    Path dir;
    LiveServer server;
    SameThreadTaskRunner tasks;
    WorkstationFixture fx;

    @BeforeEach
    void start() {
        server = new LiveServer(dir.resolve("server"));
        tasks = new SameThreadTaskRunner();
        fx = new WorkstationFixture(dir.resolve("client"), Instant.now(), tasks);
    }

    @AfterEach
    void stop() {
        fx.close();
        server.close();
    }

    /** A reply of ana's on a fresh conversation, once it left QUEUED on the server. */
    private Message deliveredReply(ApiClient ana) throws Exception {
        String text = "Sin datos " + UUID.randomUUID();
        server.tweet(server.twitterAccountOf("orange"), "7401", "Iván Mora", text);
        String conv = null;
        for (var c : server.signedIn("lucia").bootstrap(null).conversations()) {
            if (text.equals(c.snippet())) {
                conv = c.id();
            }
        }
        assertThat(conv).isNotNull();
        String id = ana.postMessage(conv, UUID.randomUUID().toString(),
                new PostMessageRequest(PostMessageRequest.REPLY, "Lo miramos", true)).message().id();
        return awaitLeftQueue(conv, id);
    }

    private Message awaitLeftQueue(String conv, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode m : server.messages(conv)) {
                if (m.get("id").asText().equals(id) && !"QUEUED".equals(m.get("delivery").asText())) {
                    return Json.convert(m, Message.class);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("still queued");
    }

    @Test
    void retrySendsAFailedReplyAgainAndIgnoresOthers() throws Exception {
        ApiClient ana = server.signedIn("ana");
        ThreadViewModel vm = fx.vm.thread();
        vm.useDeliveryCommands(new DeliveryApi(ana));

        server.failNextDeliveries(1, 403, "duplicate content");
        Message failed = deliveredReply(ana);
        assertThat(failed.delivery()).isEqualTo(DeliveryState.FAILED);
        ThreadMessage item = new ThreadMessage(failed, false, null);
        assertThat(vm.deliveryStatus(item).canRetry()).isTrue();

        vm.retryDelivery(item);
        assertThat(vm.deliveryBusy()).containsExactly(failed.id());
        vm.retryDelivery(item); // a second press while the first is under way does nothing
        tasks.drainUntil(() -> vm.deliveryBusy().isEmpty(), Duration.ofSeconds(10));
        assertThat(vm.errorProperty().get()).isNull();
        Message sent = awaitLeftQueue(failed.conversationId(), failed.id());
        assertThat(sent.delivery()).isEqualTo(DeliveryState.SENT);

        // A sent reply offers no retry: nothing is asked of the server.
        vm.retryDelivery(new ThreadMessage(sent, false, null));
        assertThat(vm.deliveryBusy()).isEmpty();

        // The server refuses another agent's retry outside their brands: the thread says so.
        server.failNextDeliveries(1, 400, "comment deleted");
        Message failedAgain = deliveredReply(ana);
        vm.useDeliveryCommands(new DeliveryApi(server.signedIn("pablo")));
        vm.retryDelivery(new ThreadMessage(failedAgain, false, null));
        tasks.drainUntil(() -> vm.deliveryBusy().isEmpty(), Duration.ofSeconds(10));
        assertThat(vm.errorProperty().get())
                .isEqualTo(UiText.of("error.command.failed", UiText.of("delivery.action.retry")));
    }
}
