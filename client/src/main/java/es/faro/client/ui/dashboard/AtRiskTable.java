package es.faro.client.ui.dashboard;

import es.faro.client.ui.common.StyleClasses;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import es.faro.client.metrics.LiveSnapshot;
import es.faro.client.metrics.SlaView;
import es.faro.client.ui.common.ChannelIcons;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import es.faro.client.ui.common.SlaFormat;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Conversation;
import es.faro.protocol.sla.SlaClock;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Subscription;

/**
 * The conversations about to breach (clock in WARNING), soonest due first, with their countdown and
 * a one-click reassign: the button gives the conversation to the least loaded skilled agent, its
 * arrow lists the others.
 */
final class AtRiskTable {
    private final ObservableList<Conversation> items = FXCollections.observableArrayList();
    private final TableView<Conversation> table = new TableView<>(items);
    private final TableColumn<Conversation, Conversation> reassign;

    AtRiskTable(DashboardViewModel vm, SharedClock clock, I18n i18n) {
        table.setId("at-risk");
        TableColumn<Conversation, String> customer = new TableColumn<>(i18n.get("dashboard.col.customer"));
        customer.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().customerName()));
        customer.setPrefWidth(170);
        TableColumn<Conversation, String> where = new TableColumn<>(i18n.get("dashboard.col.brandChannel"));
        where.setCellValueFactory(c -> new ReadOnlyStringWrapper(vm.brandName(c.getValue().brandId())
                .orElse(c.getValue().brandId()) + " · " + i18n.get(ChannelIcons.nameKey(c.getValue().channel()))));
        where.setPrefWidth(170);
        TableColumn<Conversation, Conversation> due = new TableColumn<>(i18n.get("dashboard.col.due"));
        due.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        due.setCellFactory(c -> new CountdownCell(clock));
        due.setPrefWidth(100);
        TableColumn<Conversation, String> assignee = new TableColumn<>(i18n.get("dashboard.col.assignee"));
        assignee.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().assigneeId() == null
                ? i18n.get("dashboard.unassigned")
                : vm.agentName(c.getValue().assigneeId()).orElse(c.getValue().assigneeId())));
        assignee.setPrefWidth(140);
        reassign = new TableColumn<>(i18n.get("dashboard.col.reassign"));
        reassign.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        reassign.setCellFactory(c -> new ReassignCell(vm, i18n));
        reassign.setPrefWidth(190);
        reassign.getStyleClass().add("dash-controls");
        table.getColumns().addAll(List.of(customer, where, due, assignee, reassign));
        table.setFixedCellSize(38);
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, "dash-at-risk");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label(i18n.get("dashboard.atRisk.none"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(empty);
        vm.wallboardProperty().subscribe(wall -> reassign.setVisible(!wall));
    }

    Node node() {
        return table;
    }

    void show(LiveSnapshot s) {
        BreakdownTables.setIfChanged(items, s.atRisk());
    }

    /** The active clock's countdown, coloured by state, repainted by the shared clock while shown. */
    private static final class CountdownCell extends TableCell<Conversation, Conversation> {
        private final SharedClock clock;
        private Subscription ticking = Subscription.EMPTY;

        CountdownCell(SharedClock clock) {
            this.clock = clock;
            getStyleClass().add("sla");
        }

        @Override
        protected void updateItem(Conversation c, boolean empty) {
            super.updateItem(c, empty);
            ticking.unsubscribe();
            if (empty || c == null) {
                setText(null);
                StyleClasses.choose(getStyleClass(), SlaFormat.ALL, null);
                ticking = Subscription.EMPTY;
                return;
            }
            ticking = clock.nowProperty().subscribe(now -> paint(c, now));
        }

        private void paint(Conversation c, Instant now) {
            SlaClock active = c.activeClock();
            setText(active == null ? "" : SlaFormat.countdown(active.remainingAt(now)));
            StyleClasses.choose(getStyleClass(), SlaFormat.ALL, SlaFormat.styleClass(SlaView.state(c, now)));
        }
    }

    /** One click gives the conversation to the first candidate; the arrow offers every skilled agent. */
    private static final class ReassignCell extends TableCell<Conversation, Conversation> {
        private final DashboardViewModel vm;
        private final I18n i18n;
        private final SplitMenuButton button = new SplitMenuButton();

        ReassignCell(DashboardViewModel vm, I18n i18n) {
            this.vm = vm;
            this.i18n = i18n;
            button.getStyleClass().addAll(Styles.SMALL, "reassign-button");
            button.setOnAction(e -> {
                Conversation c = getItem();
                if (c != null) {
                    vm.candidatesFor(c).stream().findFirst().ifPresent(a -> vm.reassign(c, a));
                }
            });
        }

        @Override
        protected void updateItem(Conversation c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setGraphic(null);
                return;
            }
            List<Agent> candidates = vm.candidatesFor(c);
            button.setText(candidates.isEmpty() ? i18n.get("dashboard.reassign.nobody")
                    : i18n.get("dashboard.reassign.to", candidates.get(0).name()));
            button.setDisable(candidates.isEmpty());
            button.getItems().clear();
            for (Agent a : candidates) {
                MenuItem item = new MenuItem(a.name());
                item.setOnAction(e -> vm.reassign(c, a));
                button.getItems().add(item);
            }
            setGraphic(button);
        }
    }
}
