package es.faro.client.ui.attention;

import es.faro.client.ui.common.Notice;
import es.faro.client.ui.common.NotificationCenter;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.model.DeliveryState;
import es.faro.protocol.model.Message;

/**
 * Tells the agent when a reply of theirs could not be delivered to its network (issue 7): a DANGER
 * notice (shown even with notifications off) with the start of the reply and the network's reason.
 * The thread keeps the mark and the Retry action; this makes sure it is noticed.
 */
public final class DeliveryAlerts {
    private static final int SNIPPET = 40;

    private final String meId;
    private final NotificationCenter notices;

    public DeliveryAlerts(String meId, NotificationCenter notices) {
        this.meId = meId;
        this.notices = notices;
    }

    /** Any thread; the notice is shown on the UI thread. */
    public void onFailure(Message m) {
        if (m.delivery() != DeliveryState.FAILED || !meId.equals(m.authorId())) {
            return;
        }
        notices.post(new Notice(Notice.Level.DANGER, UiText.of("delivery.notice.failed"),
                UiText.of("delivery.notice.failed.detail", snippet(m.body()),
                        m.deliveryError() == null ? UiText.of("message.failed.unknown") : m.deliveryError())));
    }

    static String snippet(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.codePointCount(0, flat.length()) <= SNIPPET ? flat
                : flat.substring(0, flat.offsetByCodePoints(0, SNIPPET)).stripTrailing() + "…";
    }
}
