package es.faro.client.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.cache.ThreadMessage;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.DeliveryState;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The delivery mark of each message in the thread: one per state, with the actions it allows. */
class DeliveryStatusTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private static Message reply(DeliveryState state) {
        return new Message("m-1", "c-1", MessageKind.OUT, "u-ana", "Ana", "Hola", true, Channel.TWITTER, null, null,
                T0, state, "k-1");
    }

    private static DeliveryStatus of(Message m) {
        return DeliveryStatus.of(new ThreadMessage(m, false, null));
    }

    @Test
    void aQueuedReplyWaitsAndAfterATransientErrorSaysItRetries() {
        DeliveryStatus queued = of(reply(DeliveryState.QUEUED));
        assertThat(queued.state()).isEqualTo(DeliveryStatus.State.QUEUED);
        assertThat(queued.label()).isEqualTo(UiText.of("delivery.queued"));
        assertThat(queued.canRetry()).isFalse();

        DeliveryStatus retrying = of(reply(DeliveryState.QUEUED).withDelivery(DeliveryState.QUEUED, null, "HTTP 503", null));
        assertThat(retrying.state()).isEqualTo(DeliveryStatus.State.RETRYING);
        assertThat(retrying.tooltip()).isEqualTo(UiText.of("delivery.retrying.tip", "HTTP 503"));
        assertThat(retrying.canRetry()).isFalse();
    }

    @Test
    void aSentReplyShowsTheNetworksId() {
        DeliveryStatus sent = of(reply(DeliveryState.SENT).withDelivery(DeliveryState.SENT, "1861", null, "https://x.com/i/web/status/1861"));
        assertThat(sent.state()).isEqualTo(DeliveryStatus.State.SENT);
        assertThat(sent.tooltip()).isEqualTo(UiText.of("delivery.sent.tip", "1861"));
        assertThat(sent.link()).isEqualTo("https://x.com/i/web/status/1861");
        assertThat(of(reply(DeliveryState.SENT)).tooltip()).isEqualTo(UiText.of("delivery.sent.tip.noid"));
    }

    @Test
    void aFailedReplyShowsTheReasonAndCanBeRetried() {
        DeliveryStatus failed = of(reply(DeliveryState.FAILED).withDelivery(DeliveryState.FAILED, null,
                "HTTP 403: duplicate content", null));
        assertThat(failed.state()).isEqualTo(DeliveryStatus.State.FAILED);
        assertThat(failed.label()).isEqualTo(UiText.of("delivery.failed", "HTTP 403: duplicate content"));
        assertThat(failed.canRetry()).isTrue();
        assertThat(failed.canMarkPosted()).isFalse();
        assertThat(of(reply(DeliveryState.FAILED)).label())
                .isEqualTo(UiText.of("delivery.failed", UiText.of("message.failed.unknown")));
    }

    @Test
    void aForumReplyIsPreparedWithItsLinkAndCanBeMarkedPosted() {
        DeliveryStatus prepared = of(reply(DeliveryState.PREPARED).withDelivery(DeliveryState.PREPARED, null, null,
                "https://foro.example/t/1"));
        assertThat(prepared.state()).isEqualTo(DeliveryStatus.State.PREPARED);
        assertThat(prepared.canMarkPosted()).isTrue();
        assertThat(prepared.canRetry()).isFalse();
        assertThat(prepared.link()).isEqualTo("https://foro.example/t/1");
        assertThat(prepared.tooltip()).isEqualTo(UiText.of("delivery.prepared.tip", "https://foro.example/t/1"));
    }

    @Test
    void theOutboxAndTheServersRefusalComeBeforeTheNetworksState() {
        Message queued = reply(DeliveryState.QUEUED);
        assertThat(DeliveryStatus.of(new ThreadMessage(queued, true, null)).state()).isEqualTo(DeliveryStatus.State.OUTBOX);
        DeliveryStatus rejected = DeliveryStatus.of(new ThreadMessage(queued, false, "conflict"));
        assertThat(rejected.state()).isEqualTo(DeliveryStatus.State.REJECTED);
        assertThat(rejected.label()).isEqualTo(UiText.of("message.failed", "conflict"));
        assertThat(rejected.canRetry()).isFalse();
    }

    @Test
    void customerMessagesAndNotesHaveNoMark() {
        Message in = new Message("m-2", "c-1", MessageKind.IN, "cu-1", "Laura", "Hola", true, Channel.TWITTER, "t-1",
                null, T0, DeliveryState.RECEIVED, null);
        Message note = new Message("m-3", "c-1", MessageKind.NOTE, "u-ana", "Ana", "ojo", false, null, null, null, T0,
                null, "k-3");
        assertThat(of(in).visible()).isFalse();
        assertThat(of(note).visible()).isFalse();
    }
}
