package es.faro.client.ui.workstation;

import atlantafx.base.theme.Styles;
import es.faro.client.cache.ThreadMessage;
import es.faro.client.ui.common.ChannelIcons;
import es.faro.client.ui.common.Formats;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
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
    private final javafx.scene.control.Button retry = new javafx.scene.control.Button();
    private final javafx.scene.control.Button posted = new javafx.scene.control.Button();
    private final javafx.scene.control.Hyperlink copyLink = new javafx.scene.control.Hyperlink();
    private final javafx.scene.control.Tooltip deliveryTip = new javafx.scene.control.Tooltip();
    private final HBox deliveryRow;
    private final ThreadViewModel vm;
    private final VBox bubble;
    private final HBox row;

    MessageCell(ListView<ThreadMessage> owner, I18n i18n, SharedClock clock, Formats formats, ThreadViewModel vm) {
        this.i18n = i18n;
        this.clock = clock;
        this.formats = formats;
        this.vm = vm;
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
        retry.getStyleClass().addAll("delivery-retry", Styles.SMALL, Styles.DANGER);
        retry.setText(i18n.get("delivery.retry"));
        retry.setGraphic(new FontIcon(Material2OutlinedMZ.REFRESH));
        retry.setOnAction(e -> {
            if (getItem() != null) {
                vm.retryDelivery(getItem());
            }
        });
        posted.getStyleClass().addAll("delivery-mark-posted", Styles.SMALL);
        posted.setText(i18n.get("delivery.markPosted"));
        posted.setOnAction(e -> {
            if (getItem() != null) {
                vm.markPosted(getItem(), null);
            }
        });
        copyLink.getStyleClass().addAll("delivery-link", Styles.TEXT_SMALL);
        copyLink.setText(i18n.get("delivery.copyLink"));
        copyLink.setOnAction(e -> {
            Object link = copyLink.getUserData();
            if (link != null) {
                javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
                content.putString(link.toString());
                javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            }
        });
        deliveryRow = new HBox(6, delivery, retry, posted, copyLink);
        deliveryRow.setAlignment(Pos.CENTER_LEFT);
        bubble = new VBox(4, meta, body, deliveryRow);
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
        DeliveryStatus status = vm.deliveryStatus(item);
        delivery.getStyleClass().removeAll("delivery-pending", "delivery-failed", "delivery-queued",
                "delivery-retrying", "delivery-sent", "delivery-prepared");
        switch (status.state()) {
            case REJECTED, FAILED -> {
                delivery.setGraphic(new FontIcon(Material2OutlinedAL.ERROR_OUTLINE));
                delivery.getStyleClass().add("delivery-failed");
            }
            case OUTBOX -> {
                delivery.setGraphic(new FontIcon(Material2OutlinedMZ.SCHEDULE));
                delivery.getStyleClass().add("delivery-pending");
            }
            case QUEUED -> {
                delivery.setGraphic(new FontIcon(Material2OutlinedMZ.SCHEDULE));
                delivery.getStyleClass().add("delivery-queued");
            }
            case RETRYING -> {
                delivery.setGraphic(new FontIcon(Material2OutlinedAL.AUTORENEW));
                delivery.getStyleClass().add("delivery-retrying");
            }
            case SENT -> {
                delivery.setGraphic(new FontIcon(Material2OutlinedAL.DONE));
                delivery.getStyleClass().add("delivery-sent");
            }
            case PREPARED -> {
                delivery.setGraphic(new FontIcon(Material2OutlinedAL.LINK));
                delivery.getStyleClass().add("delivery-prepared");
            }
            case NONE -> delivery.setGraphic(null);
        }
        delivery.setText(status.label() == null ? null : i18n.get(status.label()));
        if (status.tooltip() != null) {
            deliveryTip.setText(i18n.get(status.tooltip()));
            delivery.setTooltip(deliveryTip);
        } else {
            delivery.setTooltip(null);
        }
        boolean busy = vm.deliveryBusy().contains(item.message().id());
        show(retry, status.canRetry());
        retry.setDisable(busy);
        show(posted, status.canMarkPosted());
        posted.setDisable(busy);
        copyLink.setUserData(status.link());
        show(copyLink, status.canMarkPosted() && status.link() != null);
        show(delivery, status.visible());
        show(deliveryRow, status.visible());
    }

    private static void show(javafx.scene.Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }
}
