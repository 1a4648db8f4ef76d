package es.faro.client.ui.workstation;

import es.faro.client.ui.common.I18n;
import es.faro.protocol.model.Message;

/**
 * Marks on a message that the network changed after it arrived (edited, deleted by the customer) or
 * that it belongs to a satisfaction survey, appended to the bubble's kind tag.
 */
final class MessageMarks {
    private MessageMarks() {
    }

    static String decorate(String tag, Message m, I18n i18n) {
        StringBuilder b = new StringBuilder(tag == null ? "" : tag);
        if (Boolean.TRUE.equals(m.survey())) {
            append(b, i18n.get("channelsIn.message.survey"));
        }
        if (m.deletedAt() != null) {
            append(b, i18n.get("channelsIn.message.deleted"));
        } else if (m.editedAt() != null) {
            append(b, i18n.get("channelsIn.message.edited"));
        }
        return b.toString();
    }

    private static void append(StringBuilder b, String mark) {
        if (b.length() > 0) {
            b.append(" · ");
        }
        b.append(mark);
    }
}
