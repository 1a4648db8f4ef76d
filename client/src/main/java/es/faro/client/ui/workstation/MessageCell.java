package es.faro.client.ui.workstation;

import atlantafx.base.theme.Styles;
import es.faro.client.cache.ThreadMessage;
import es.faro.client.ui.common.ChannelIcons;
import es.faro.client.ui.common.Formats;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import es.faro.protocol.model.DeliveryState;
import es.faro.protocol.model.Message;
import es.faro.protocol.model.MessageKind;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * One message of the thread as a bubble: the customer's on the left, the team's replies on the
 * right in the accent colour, internal notes tinted as a warning. The body is always plain text.
 */
final class MessageCell extends ListCell<ThreadMessage> {
    private static final javafx.css.PseudoClass DELETED = javafx.css.PseudoClass.getPseudoClass("deleted");
    private final I18n i18n;
    private final SharedClock clock;
    private final Formats formats;

    private final Label author = new Label();
    private final Label time = new Label();
    private final FontIcon channel = new FontIcon();
    private final Label kindTag = new Label();
    private final Label body = new Label();
    private final Label delivery = new Label();
    private final VBox bubble;
    private final HBox row;

    MessageCell(ListView<ThreadMessage> owner, I18n i18n, SharedClock clock, Formats formats) {
        this.i18n = i18n;
        this.clock = clock;
        this.formats = formats;
        getStyleClass().add("message-cell");
        author.getStyleClass().addAll("message-author", Styles.TEXT_BOLD, Styles.TEXT_SMALL);
        time.getStyleClass().addAll("message-time", Styles.TEXT_SMALL);
        channel.getStyleClass().add("channel-icon");
        kindTag.getStyleClass().addAll("message-kind", Styles.TEXT_SMALL);
        body.getStyleClass().add("message-body");
        body.setWrapText(true);
        // A wrapped label in a cell must not shrink below its wrapped height, or it ellipsizes.
        body.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        delivery.getStyleClass().addAll("message-delivery", Styles.TEXT_SMALL);
        delivery.setWrapText(true);
        delivery.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox meta = new HBox(6, author, kindTag, time, channel);
        meta.setAlignment(Pos.CENTER_LEFT);
        bubble = new VBox(4, meta, body, delivery);
        bubble.getStyleClass().add("bubble");
        bubble.maxWidthProperty().bind(owner.widthProperty().multiply(0.72));
        row = new HBox(bubble);
        row.getStyleClass().add("message-row");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(ThreadMessage item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        Message m = item.message();
        MessageKind kind = m.kind() == null ? MessageKind.IN : m.kind();
        bubble.getStyleClass().setAll("bubble", "bubble-" + kind.name().toLowerCase());
        row.setAlignment(kind == MessageKind.IN ? Pos.CENTER_LEFT : Pos.CENTER_RIGHT);
        author.setText(m.authorName() != null ? m.authorName()
                : m.channel() != null ? i18n.get("conversation.unknownCustomer", i18n.get(ChannelIcons.nameKey(m.channel()))) : "");
        time.setText(formats.messageTime(m.createdAt(), clock.now()));
        // Notes never leave Faro: no network icon on them.
        if (m.channel() != null && kind != MessageKind.NOTE) {
            channel.setIconCode(ChannelIcons.ikon(m.channel()));
            channel.setVisible(true);
        } else {
            channel.setVisible(false);
        }
        kindTag.setText(switch (kind) {
            case NOTE -> i18n.get("message.note");
            case OUT -> m.isPublic() ? i18n.get("message.publicReply") : i18n.get("message.privateReply");
            case IN -> m.isPublic() ? "" : i18n.get("message.private");
        });
        kindTag.setText(MessageMarks.decorate(kindTag.getText(), m, i18n));
        body.pseudoClassStateChanged(DELETED, m.deletedAt() != null);
        kindTag.setManaged(!kindTag.getText().isEmpty());
        body.setText(m.body() == null ? "" : m.body());
        renderDelivery(item, kind);
        setGraphic(row);
    }

    private void renderDelivery(ThreadMessage item, MessageKind kind) {
        delivery.getStyleClass().removeAll("delivery-pending", "delivery-failed");
        if (item.failedReason() != null || item.message().delivery() == DeliveryState.FAILED) {
            String reason = item.failedReason() == null ? i18n.get("message.failed.unknown") : item.failedReason();
            delivery.setText(i18n.get("message.failed", reason));
            delivery.setGraphic(new FontIcon(Material2OutlinedAL.ERROR_OUTLINE));
            delivery.getStyleClass().add("delivery-failed");
        } else if (item.pending()) {
            delivery.setText(i18n.get(kind == MessageKind.NOTE ? "message.pending.note" : "message.pending"));
            delivery.setGraphic(new FontIcon(Material2OutlinedMZ.SCHEDULE));
            delivery.getStyleClass().add("delivery-pending");
        } else {
            delivery.setText(null);
            delivery.setGraphic(null);
        }
        boolean show = delivery.getText() != null;
        delivery.setVisible(show);
        delivery.setManaged(show);
    }
}
