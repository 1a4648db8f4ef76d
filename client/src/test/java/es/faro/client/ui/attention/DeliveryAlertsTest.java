package es.faro.client.ui.attention;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.ui.common.Notice;
import es.faro.client.ui.common.NotificationCenter;
import es.faro.client.ui.common.SameThreadTaskRunner;
import es.faro.client.ui.common.UiText;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.DeliveryState;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryAlertsTest {
    private static Message failed(String author, String body) {
        return new Message("m-1", "c-1", MessageKind.OUT, author, "Ana", body, true, Channel.TWITTER, null, null,
                Instant.parse("2026-11-26T10:00:00Z"), DeliveryState.FAILED, "k-1", "HTTP 403: duplicate content", null);
    }

    @Test
    void aFailedReplyOfMineIsADangerNoticeEvenWithNotificationsOff() {
        SameThreadTaskRunner tasks = new SameThreadTaskRunner();
        NotificationCenter notices = new NotificationCenter(tasks);
        notices.setEnabled(false);
        List<Notice> shown = new ArrayList<>();
        notices.addListener(shown::add);
        DeliveryAlerts alerts = new DeliveryAlerts("u-ana", notices);

        alerts.onFailure(failed("u-ana", "Hola Laura,\n te ayudamos por privado con la factura de octubre"));
        alerts.onFailure(failed("u-pablo", "Otro agente"));
        alerts.onFailure(failed("u-ana", "Ya enviada").withDelivery(DeliveryState.SENT, "1", null, null));
        tasks.drain();

        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).level()).isEqualTo(Notice.Level.DANGER);
        assertThat(shown.get(0).title()).isEqualTo(UiText.of("delivery.notice.failed"));
        assertThat(shown.get(0).message()).isEqualTo(UiText.of("delivery.notice.failed.detail",
                "Hola Laura, te ayudamos por privado con…", "HTTP 403: duplicate content"));
    }
}
