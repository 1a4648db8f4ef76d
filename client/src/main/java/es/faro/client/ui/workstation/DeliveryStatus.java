package es.faro.client.ui.workstation;

import es.faro.client.cache.ThreadMessage;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.model.DeliveryState;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;

/**
 * What the thread shows under a message about where it stands (issue 7): still in the local outbox,
 * refused by the server, queued for the network (or retrying after a transient failure), sent with
 * the network's id, failed with the network's reason (Retry), or prepared for the agent to post by
 * hand on a forum (Mark posted). Pure logic for the cell, unit-tested.
 *
 * @param state   which mark to show
 * @param label   the short text next to the icon (null: no mark)
 * @param tooltip the longer explanation
 * @param link    where to post a prepared reply, or the network's page of a sent one (may be null)
 */
public record DeliveryStatus(State state, UiText label, UiText tooltip, String link) {
    public enum State { NONE, OUTBOX, REJECTED, QUEUED, RETRYING, SENT, FAILED, PREPARED }

    private static final DeliveryStatus NONE = new DeliveryStatus(State.NONE, null, null, null);

    public static DeliveryStatus of(ThreadMessage item) {
        Message m = item.message();
        MessageKind kind = m.kind() == null ? MessageKind.IN : m.kind();
        if (item.failedReason() != null) {
            return new DeliveryStatus(State.REJECTED, UiText.of("message.failed", item.failedReason()),
                    UiText.of("delivery.rejected.tip"), null);
        }
        if (item.pending()) {
            return new DeliveryStatus(State.OUTBOX, UiText.of(kind == MessageKind.NOTE ? "message.pending.note"
                    : "message.pending"), UiText.of("delivery.outbox.tip"), null);
        }
        if (kind == MessageKind.IN || kind == MessageKind.NOTE || m.delivery() == null) {
            return NONE;
        }
        return switch (m.delivery()) {
            case QUEUED -> m.deliveryError() == null
                    ? new DeliveryStatus(State.QUEUED, UiText.of("delivery.queued"), UiText.of("delivery.queued.tip"), null)
                    : new DeliveryStatus(State.RETRYING, UiText.of("delivery.retrying"),
                            UiText.of("delivery.retrying.tip", m.deliveryError()), null);
            case SENT -> new DeliveryStatus(State.SENT, UiText.of("delivery.sent"), m.channelMessageId() == null
                    ? UiText.of("delivery.sent.tip.noid") : UiText.of("delivery.sent.tip", m.channelMessageId()),
                    m.deliveryLink());
            case FAILED -> new DeliveryStatus(State.FAILED, UiText.of("delivery.failed", m.deliveryError() == null
                    ? UiText.of("message.failed.unknown") : m.deliveryError()), UiText.of("delivery.failed.tip"), null);
            case PREPARED -> new DeliveryStatus(State.PREPARED, UiText.of("delivery.prepared"),
                    m.deliveryLink() == null ? UiText.of("delivery.prepared.tip.nolink")
                            : UiText.of("delivery.prepared.tip", m.deliveryLink()), m.deliveryLink());
            case RECEIVED -> NONE;
        };
    }

    /** A failed delivery can be sent again. */
    public boolean canRetry() {
        return state == State.FAILED;
    }

    /** A reply prepared for a forum is marked posted once the agent posted it by hand. */
    public boolean canMarkPosted() {
        return state == State.PREPARED;
    }

    public boolean visible() {
        return state != State.NONE;
    }
}
