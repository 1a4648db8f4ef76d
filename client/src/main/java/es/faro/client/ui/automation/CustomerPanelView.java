package es.faro.client.ui.automation;

import atlantafx.base.theme.Styles;
import es.faro.client.ui.common.ChannelIcons;
import es.faro.client.ui.common.I18n;
import es.faro.protocol.automation.CustomerMerge;
import es.faro.protocol.automation.CustomerProfile;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.model.Customer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The customer panel: identities, labels, CSAT, previous conversations, merge and undo. */
public final class CustomerPanelView {
    private final VBox root;
    private final DateTimeFormatter dates;

    public CustomerPanelView(CustomerPanelViewModel vm, Function<String, String> labelName, I18n i18n) {
        dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(i18n.locale())
                .withZone(ZoneId.systemDefault());
        Label title = new Label(i18n.get("automation.customer.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        VBox identities = new VBox(4);
        identities.setId("customer-identities");
        FlowPane labels = new FlowPane(4, 4);
        labels.setId("customer-labels");
        Label csat = new Label();
        csat.setId("customer-csat");
        csat.setWrapText(true);
        csat.getStyleClass().add(Styles.TEXT_SMALL);
        VBox conversations = new VBox(4);
        conversations.setId("customer-conversations");
        VBox merges = new VBox(4);
        merges.setId("customer-merges");

        TextField search = new TextField();
        search.setId("customer-search");
        search.setPromptText(i18n.get("automation.customer.search.prompt"));
        search.textProperty().bindBidirectional(vm.queryProperty());
        search.setOnAction(e -> vm.search());
        ListView<Customer> results = new ListView<>(vm.results());
        results.setId("customer-results");
        results.setPrefHeight(90);
        results.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Customer c, boolean empty) {
                super.updateItem(c, empty);
                if (empty || c == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Button merge = new Button(i18n.get("automation.customer.merge"));
                merge.setId("customer-merge-" + c.id());
                merge.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
                merge.setOnAction(e -> vm.merge(c));
                setText(identity(c, i18n));
                setGraphic(merge);
            }
        });
        results.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.results()));
        results.managedProperty().bind(results.visibleProperty());

        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.errorProperty().map(t -> i18n.get(t.key())).orElse(""));

        vm.profileProperty().subscribe((CustomerProfile p) -> {
            identities.getChildren().clear();
            labels.getChildren().clear();
            conversations.getChildren().clear();
            merges.getChildren().clear();
            if (p == null) {
                csat.setText("");
                return;
            }
            for (Customer c : p.identities()) {
                Label l = new Label(identity(c, i18n), ChannelIcons.icon(c.channel()));
                l.getStyleClass().add("customer-identity");
                identities.getChildren().add(l);
            }
            for (String id : p.labels()) {
                Label tag = new Label(labelName.apply(id));
                tag.getStyleClass().add("tag");
                labels.getChildren().add(tag);
            }
            csat.setText(csatText(p.csat(), i18n, dates));
            for (Conversation c : p.conversations()) {
                Label l = new Label(dates.format(c.createdAt()) + " · " + i18n.get("conversation.status."
                        + c.status().name().toLowerCase(Locale.ROOT)) + "\n" + (c.snippet() == null ? "" : c.snippet()),
                        ChannelIcons.icon(c.channel()));
                l.setWrapText(true);
                l.getStyleClass().add("customer-conversation");
                conversations.getChildren().add(l);
            }
            for (CustomerMerge m : p.merges()) {
                if (m.undoneAt() != null) {
                    continue;
                }
                Label what = new Label(i18n.get("automation.customer.merged", m.movedIds().size(), dates.format(m.mergedAt())));
                what.getStyleClass().add(Styles.TEXT_SMALL);
                Button undo = new Button(i18n.get("automation.customer.undo"));
                undo.setId("customer-undo-" + m.id());
                undo.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
                undo.setGraphic(new FontIcon(Material2OutlinedMZ.UNDO));
                undo.setOnAction(e -> vm.undo(m));
                HBox row = new HBox(6, what, undo);
                row.setAlignment(Pos.CENTER_LEFT);
                merges.getChildren().add(row);
            }
        });

        VBox content = new VBox(8, title, identities, labels, csat, section(i18n.get("automation.customer.history")),
                conversations, merges, section(i18n.get("automation.customer.mergeWith")), search, results, error);
        content.getStyleClass().add("customer-panel");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        // With no conversation open, one quiet line instead of empty headings and a merge box.
        Label empty = new Label(i18n.get("automation.customer.empty"));
        empty.setId("customer-empty");
        empty.setWrapText(true);
        empty.getStyleClass().addAll(Styles.TEXT_MUTED, "customer-panel");
        scroll.visibleProperty().bind(vm.profileProperty().isNotNull());
        scroll.managedProperty().bind(scroll.visibleProperty());
        empty.visibleProperty().bind(vm.profileProperty().isNull());
        empty.managedProperty().bind(empty.visibleProperty());
        root = new VBox(empty, scroll);
        root.setId("customer-panel");
        root.setMinWidth(200);
        root.setPrefWidth(260);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "customer-section");
        return l;
    }

    private static String identity(Customer c, I18n i18n) {
        String name = c.name() != null ? c.name() : c.handle() != null ? c.handle() : c.channelUserId();
        String handle = c.handle() != null && !c.handle().equals(name) ? " " + c.handle() : "";
        return name + handle + " · " + i18n.get(ChannelIcons.nameKey(c.channel()));
    }

    public Node root() {
        return root;
    }

    /**
     * The CSAT lines: CSAT % as the dashboard counts it (4–5 ÷ all ratings) with the average (or "no
     * data"), surveys sent and answered with the response rate, the latest ratings. A server that does
     * not count the 4–5 ratings gets the average alone.
     */
    static String csatText(es.faro.protocol.automation.CustomerProfile.Csat c, I18n i18n,
                           java.time.format.DateTimeFormatter dates) {
        if (c == null) {
            return i18n.get("automation.customer.csat.none");
        }
        String average = String.format(i18n.locale(), "%.1f", c.average());
        StringBuilder b = new StringBuilder(c.ratings() == 0 ? i18n.get("automation.customer.csat.none")
                : c.satisfiedShare().isPresent()
                ? i18n.get("customercsat.share", percent(c.satisfiedShare().getAsDouble()),
                        String.valueOf(c.satisfied()), String.valueOf(c.ratings()), average)
                : i18n.get("automation.customer.csat", average, c.ratings()));
        b.append('\n').append(c.responseRate().isPresent()
                ? i18n.get("customercsat.response", String.valueOf(c.sent()), String.valueOf(c.ratings()),
                        percent(c.responseRate().getAsDouble()))
                : i18n.get("customercsat.surveys", c.sent(), c.ratings()));
        for (es.faro.protocol.automation.CustomerProfile.Rating r : c.recent()) {
            b.append('\n').append(i18n.get("customercsat.rating", r.rating(), dates.format(r.answeredAt()),
                    r.comment() == null ? "" : r.comment()));
        }
        return b.toString();
    }

    /** A share 0..1 as a whole percentage ("67"). */
    private static String percent(double share) {
        return String.valueOf(Math.round(share * 100));
    }
}
