package es.faro.client.ui.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.client.ui.common.I18n;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.DeliveryState;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageMarksTest {
    static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    static Message message(Instant edited, Instant deleted, Boolean survey) {
        return new Message("m1", "c1", MessageKind.IN, "cu1", "Marta", "hola", false, Channel.INSTAGRAM, "mid", null,
                T, DeliveryState.RECEIVED, null, edited, deleted, survey);
    }

    @Test
    void marksEditsDeletionsAndSurveysInBothLanguages() {
        I18n es = I18n.forLanguage("es");
        I18n en = I18n.forLanguage("en");
        assertThat(MessageMarks.decorate("", message(null, null, null), es)).isEmpty();
        assertThat(MessageMarks.decorate("privado", message(T, null, null), es)).isEqualTo("privado · editado");
        assertThat(MessageMarks.decorate("", message(T, T, null), es)).isEqualTo("borrado por el cliente");
        assertThat(MessageMarks.decorate("", message(null, null, true), en)).isEqualTo("satisfaction survey");
        assertThat(MessageMarks.decorate("private", message(T, null, true), en))
                .isEqualTo("private · satisfaction survey · edited");
    }
}
