package es.faro.client.ui.workstation;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import es.faro.client.ui.common.BrandChips;
import es.faro.client.ui.common.I18n;
import es.faro.protocol.model.Presence;
import java.util.Locale;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The left column: the agent, the queues with live counts, and the brand filter. */
final class SidebarView {
    private final SidebarViewModel vm;
    private final I18n i18n;
    private final VBox root;
    private final ListView<QueueEntry> queues;
    private final VBox brands = new VBox(2);

    SidebarView(SidebarViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;

        queues = new ListView<>(vm.queues());
        queues.setId("queue-list");
        queues.getStyleClass().addAll("queue-list", Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        queues.setFixedCellSize(34);
        queues.setCellFactory(list -> new QueueCell());
        queues.setPlaceholder(new Label(i18n.get("sidebar.noQueues")));
        queues.setAccessibleText(i18n.get("a11y.queues"));
        queues.getSelectionModel().selectedItemProperty().subscribe(entry -> {
            if (entry != null) {
                vm.selectQueue(entry.queue());
            }
        });
        vm.selectedQueueProperty().subscribe(q -> selectQueueRow());
        vm.queues().addListener((ListChangeListener<QueueEntry>) change -> selectQueueRow());
        // As tall as its rows (queues are few), so the brands sit right under them.
        queues.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(vm.queues()).multiply(34).add(2));
        queues.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        vm.brands().addListener((ListChangeListener<BrandEntry>) change -> rebuildBrands());
        vm.brandFilterProperty().subscribe(id -> rebuildBrandSelection());
        rebuildBrands();

        Label queuesTitle = caption(i18n.get("sidebar.queues"));
        Label brandsTitle = caption(i18n.get("sidebar.brands"));
        root = new VBox(agentHeader(), queuesTitle, queues, brandsTitle, brands);
        root.getStyleClass().add("sidebar");
        root.setMinWidth(200);
        root.setPrefWidth(236);
    }

    Node root() {
        return root;
    }

    ListView<QueueEntry> queueList() {
        return queues;
    }

    private static Label caption(String text) {
        Label label = new Label(text.toUpperCase(Locale.ROOT));
        label.getStyleClass().addAll("sidebar-caption", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        return label;
    }

    private Node agentHeader() {
        Label avatar = new Label();
        avatar.getStyleClass().addAll("avatar");
        avatar.textProperty().bind(vm.agentNameProperty().map(ReferenceIndex::initials));
        Label name = new Label();
        name.getStyleClass().addAll("agent-name", Styles.TEXT_BOLD);
        name.textProperty().bind(vm.agentNameProperty());
        Label presence = new Label();
        presence.getStyleClass().addAll("presence", Styles.TEXT_SMALL);
        presence.textProperty().bind(vm.presenceProperty().map(p -> i18n.get("presence." + p.name().toLowerCase(Locale.ROOT))));
        vm.presenceProperty().subscribe(p -> {
            presence.getStyleClass().removeAll("presence-online", "presence-away", "presence-offline");
            presence.getStyleClass().add("presence-" + (p == null ? Presence.OFFLINE : p).name().toLowerCase(Locale.ROOT));
        });
        VBox text = new VBox(1, name, presence);
        HBox box = new HBox(10, avatar, text);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("agent-header");
        return box;
    }

    private void selectQueueRow() {
        var selected = vm.selectedQueueProperty().get();
        for (int i = 0; i < vm.queues().size(); i++) {
            if (selected != null && vm.queues().get(i).queue().id().equals(selected.id())) {
                if (queues.getSelectionModel().getSelectedIndex() != i) {
                    queues.getSelectionModel().select(i);
                }
                return;
            }
        }
    }

    private void rebuildBrands() {
        brands.getChildren().clear();
        for (BrandEntry entry : vm.brands()) {
            Label count = new Label();
            count.getStyleClass().addAll("count", Styles.TEXT_SMALL);
            count.textProperty().bind(entry.countProperty().asString());
            HBox graphic = new HBox(8, BrandChips.dot(entry.brand()), new Label(entry.brand().name()), new Spacer(), count);
            graphic.setAlignment(Pos.CENTER_LEFT);
            ToggleButton button = new ToggleButton();
            button.setGraphic(graphic);
            button.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            button.setMaxWidth(Double.MAX_VALUE);
            graphic.prefWidthProperty().bind(button.widthProperty().subtract(24));
            button.getStyleClass().add("brand-filter");
            button.setUserData(entry.brand().id());
            button.setId("brand-" + entry.brand().id());
            button.accessibleTextProperty().bind(entry.countProperty().map(n -> i18n.get("a11y.brand", entry.brand().name(), n)));
            button.setTooltip(new javafx.scene.control.Tooltip(i18n.get("a11y.brand.tip", entry.brand().name())));
            button.setOnAction(e -> vm.toggleBrand(entry.brand().id()));
            brands.getChildren().add(button);
        }
        rebuildBrandSelection();
    }

    private void rebuildBrandSelection() {
        for (Node node : brands.getChildren()) {
            ((ToggleButton) node).setSelected(Objects.equals(node.getUserData(), vm.brandFilterProperty().get()));
        }
    }

    private static final class QueueCell extends ListCell<QueueEntry> {
        private final Label name = new Label();
        private final Label count = new Label();
        private final HBox box = new HBox(8, name, new Spacer(), count);

        QueueCell() {
            box.setAlignment(Pos.CENTER_LEFT);
            count.getStyleClass().add("count");
            getStyleClass().add("queue-cell");
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(QueueEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            count.textProperty().unbind();
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            name.setText(entry.queue().name());
            count.textProperty().bind(entry.countProperty().asString());
            setGraphic(box);
        }
    }
}
