package es.faro.client.ui.workstation;

import es.faro.client.ui.common.StyleClasses;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.BrandChips;
import es.faro.client.ui.common.ChannelIcons;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import es.faro.client.ui.common.SlaFormat;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.ConversationStatus;
import es.faro.protocol.model.Label;
import es.faro.protocol.model.Priority;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Who the conversation is with, where, its state and countdown, and the workflow actions. */
final class ThreadHeaderView {
    private final ThreadViewModel vm;
    private final Supplier<ReferenceIndex> reference;
    private final I18n i18n;
    private final VBox root;

    private final FontIcon channel = new FontIcon();
    private final javafx.scene.control.Label customer = new javafx.scene.control.Label();
    private final javafx.scene.control.Label handle = new javafx.scene.control.Label();
    private final HBox brand = new HBox();
    private final javafx.scene.control.Label channelName = new javafx.scene.control.Label();
    private final javafx.scene.control.Label sla = new javafx.scene.control.Label();
    private final MenuButton status = new MenuButton();
    private final MenuButton priority = new MenuButton();
    private final MenuButton labels = new MenuButton();
    private final FlowPane tags = new FlowPane(4, 4);
    private final javafx.scene.control.Label assignee = new javafx.scene.control.Label();
    private final Button claim = new Button();

    ThreadHeaderView(ThreadViewModel vm, Supplier<ReferenceIndex> reference, SharedClock clock, I18n i18n) {
        this.vm = vm;
        this.reference = reference;
        this.i18n = i18n;

        channel.getStyleClass().add("channel-icon");
        customer.getStyleClass().addAll(Styles.TITLE_3, "thread-customer");
        handle.getStyleClass().add(Styles.TEXT_MUTED);
        channelName.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        sla.getStyleClass().addAll("sla", "sla-large");
        HBox top = new HBox(8, channel, customer, handle, brand, channelName, new Spacer(), sla);
        top.setAlignment(Pos.CENTER_LEFT);
        // In a narrow thread the handle and the channel's name give way first, then the name (full in
        // its tooltip); the countdown, the reason the agent looks here, is never cut.
        sla.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        brand.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        customer.setMinWidth(60);
        handle.setMinWidth(0);
        channelName.setMinWidth(0);
        javafx.scene.control.Tooltip fullName = new javafx.scene.control.Tooltip();
        fullName.textProperty().bind(customer.textProperty());
        customer.setTooltip(fullName);

        status.setId("status-menu");
        for (ConversationStatus s : ConversationStatus.values()) {
            if (s == ConversationStatus.NEW) {
                continue;
            }
            MenuItem item = new MenuItem(i18n.get(statusKey(s)));
            item.setOnAction(e -> vm.setStatus(s));
            status.getItems().add(item);
        }
        priority.setId("priority-menu");
        for (Priority p : Priority.values()) {
            MenuItem item = new MenuItem(i18n.get("priority." + p.name().toLowerCase(Locale.ROOT)));
            item.setOnAction(e -> vm.setPriority(p));
            priority.getItems().add(item);
        }
        labels.setId("labels-menu");
        labels.setText(i18n.get("thread.labels"));
        labels.setGraphic(new FontIcon(Material2OutlinedAL.LABEL));
        labels.setOnShowing(e -> rebuildLabelMenu());
        labels.getItems().add(new SeparatorMenuItem());
        for (MenuButton b : new MenuButton[] {status, priority, labels}) {
            b.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED);
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        tags.getStyleClass().add("tags");
        tags.setAlignment(Pos.CENTER_LEFT);
        // The label chips have their own row: beside the menus they ran under the assignee in a narrow thread.
        tags.managedProperty().bind(tags.visibleProperty());

        assignee.getStyleClass().addAll(Styles.TEXT_SMALL, "assignee");
        assignee.setGraphic(new FontIcon(Material2OutlinedMZ.PERSON));
        claim.setId("claim-button");
        claim.setText(i18n.get("thread.claim"));
        claim.setGraphic(new FontIcon(Material2OutlinedAL.ASSIGNMENT_IND));
        claim.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        claim.setOnAction(e -> vm.claim());
        claim.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        claim.disableProperty().bind(javafx.beans.binding.Bindings.not(vm.canClaimProperty()));

        assignee.setMinWidth(0);
        HBox actions = new HBox(8, status, priority, labels, new Spacer(), assignee, claim);
        actions.setAlignment(Pos.CENTER_LEFT);

        root = new VBox(8, top, actions, tags);
        root.getStyleClass().add("thread-header");

        vm.conversationProperty().subscribe(this::render);
        clock.nowProperty().when(root.visibleProperty()).subscribe(this::renderSla);
    }

    Node root() {
        return root;
    }

    static String statusKey(ConversationStatus s) {
        return "conversation.status." + s.name().toLowerCase(Locale.ROOT);
    }

    private void render(Conversation c) {
        root.setVisible(c != null);
        if (c == null) {
            return;
        }
        ReferenceIndex ref = reference.get();
        channel.setIconCode(ChannelIcons.ikon(c.channel()));
        channel.getStyleClass().setAll("channel-icon", ChannelIcons.styleClass(c.channel()));
        customer.setText(c.customerName() == null
                ? i18n.get("conversation.unknownCustomer", i18n.get(ChannelIcons.nameKey(c.channel()))) : c.customerName());
        handle.setText(c.customerHandle() == null || c.customerHandle().equals(c.customerName()) ? "" : c.customerHandle());
        brand.getChildren().setAll(BrandChips.chip(ref.brand(c.brandId()).orElse(null)));
        channelName.setText(i18n.get(ChannelIcons.nameKey(c.channel())));
        status.setText(c.status() == null ? "" : i18n.get(statusKey(c.status())));
        status.getStyleClass().removeIf(s -> s.startsWith("status-"));
        if (c.status() != null) {
            status.getStyleClass().add("status-" + c.status().name().toLowerCase(Locale.ROOT));
        }
        priority.setText(c.priority() == null ? "—" : c.priority().name());
        tags.getChildren().clear();
        for (String id : c.labels()) {
            javafx.scene.control.Label tag = new javafx.scene.control.Label(ref.labelName(id));
            tag.getStyleClass().add("tag");
            tags.getChildren().add(tag);
        }
        tags.setVisible(!tags.getChildren().isEmpty());
        if (c.assigneeId() == null) {
            assignee.setText(i18n.get("thread.unassigned"));
        } else {
            assignee.setText(ref.agent(c.assigneeId()).map(a -> a.name()).orElse(c.assigneeId()));
        }
        renderSla(Instant.now());
    }

    private void renderSla(Instant now) {
        Conversation c = vm.conversationProperty().get();
        if (c == null || now == null) {
            return;
        }
        sla.setText(SlaFormat.countdown(c, now));
        StyleClasses.choose(sla.getStyleClass(), SlaFormat.ALL, SlaFormat.styleClass(c.slaStateAt(now)));
    }

    private void rebuildLabelMenu() {
        labels.getItems().clear();
        Conversation c = vm.conversationProperty().get();
        for (Label label : reference.get().labels()) {
            CheckMenuItem item = new CheckMenuItem(label.name());
            item.setSelected(c != null && c.labels().contains(label.id()));
            item.setOnAction(e -> vm.toggleLabel(label.id()));
            labels.getItems().add(item);
        }
        if (labels.getItems().isEmpty()) {
            MenuItem none = new MenuItem(i18n.get("thread.noLabels"));
            none.setDisable(true);
            labels.getItems().add(none);
        }
    }
}
