package es.faro.client.ui.dashboard;

import es.faro.client.ui.common.StyleClasses;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import es.faro.client.metrics.LiveSnapshot;
import es.faro.client.ui.common.ChannelIcons;
import es.faro.client.ui.common.I18n;
import es.faro.protocol.metrics.AgentLoad;
import es.faro.protocol.metrics.Breakdown;
import es.faro.protocol.metrics.ServiceLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The breakdown by brand × channel, by queue and by agent (with presence and load), as tabs. */
final class BreakdownTables {
    static final double ROW = 30;
    private static final List<String> TONES = List.of("tone-good", "tone-warn", "tone-bad", "tone-neutral");

    /** One agent's row: the load and the figures of what is assigned to them. */
    record AgentRow(AgentLoad load, Breakdown figures) {
    }

    private final DashboardViewModel vm;
    private final I18n i18n;
    private final Percent percent;
    private final ObservableList<Breakdown> brandChannel = FXCollections.observableArrayList();
    private final ObservableList<Breakdown> queues = FXCollections.observableArrayList();
    private final ObservableList<AgentRow> agents = FXCollections.observableArrayList();
    private final TabPane tabs;

    BreakdownTables(DashboardViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        this.percent = new Percent(i18n.locale());
        TableView<Breakdown> byBrand = figuresTable(brandChannel, i18n.get("dashboard.col.brandChannel"), b ->
                vm.brandName(b.brandId()).orElse(b.brandId())
                        + (b.channel() == null ? "" : " · " + i18n.get(ChannelIcons.nameKey(b.channel()))));
        byBrand.setId("breakdown-brand-channel");
        TableView<Breakdown> byQueue = figuresTable(queues, i18n.get("dashboard.col.queue"),
                b -> vm.queueName(b.queueId()).orElse(b.queueId()));
        byQueue.setId("breakdown-queue");
        TableView<AgentRow> byAgent = agentTable();
        byAgent.setId("breakdown-agent");
        tabs = new TabPane(
                new Tab(i18n.get("dashboard.tab.brandChannel"), byBrand),
                new Tab(i18n.get("dashboard.tab.queue"), byQueue),
                new Tab(i18n.get("dashboard.tab.agent"), byAgent));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().addAll("dash-breakdown", Styles.DENSE);
    }

    Node node() {
        return tabs;
    }

    void show(LiveSnapshot s) {
        setIfChanged(brandChannel, s.metrics().byBrandChannel());
        setIfChanged(queues, s.metrics().byQueue());
        Map<String, Breakdown> figures = new HashMap<>();
        s.metrics().byAgent().forEach(b -> figures.put(b.agentId(), b));
        List<AgentRow> rows = new ArrayList<>();
        for (AgentLoad load : s.metrics().agents()) {
            rows.add(new AgentRow(load, figures.getOrDefault(load.agentId(),
                    new Breakdown(null, null, null, load.agentId(), 0, 0, 0, ServiceLevel.of(0, 0, 0)))));
        }
        setIfChanged(agents, rows);
    }

    /** Replaces the rows only when something changed, so a steady floor does not repaint every second. */
    static <T> void setIfChanged(ObservableList<T> items, List<T> rows) {
        if (!items.equals(rows)) {
            items.setAll(rows);
        }
    }

    private TableView<Breakdown> figuresTable(ObservableList<Breakdown> items, String groupTitle,
                                              Function<Breakdown, String> group) {
        TableView<Breakdown> table = new TableView<>(items);
        table.getColumns().add(text(groupTitle, group, 220));
        addFigures(table, Function.identity());
        style(table);
        return table;
    }

    private TableView<AgentRow> agentTable() {
        TableView<AgentRow> table = new TableView<>(agents);
        table.getColumns().add(text(i18n.get("dashboard.col.agent"), r -> r.load().name(), 170));
        table.getColumns().add(text(i18n.get("dashboard.col.presence"),
                r -> i18n.get("presence." + r.load().presence().name().toLowerCase(java.util.Locale.ROOT)), 90));
        table.getColumns().add(text(i18n.get("dashboard.col.load"),
                r -> r.load().assigned() + " / " + r.load().capacity(), 80));
        addFigures(table, AgentRow::figures);
        style(table);
        return table;
    }

    private <R> void addFigures(TableView<R> table, Function<R, Breakdown> figures) {
        table.getColumns().add(number(i18n.get("dashboard.col.backlog"), r -> figures.apply(r).backlog(), null));
        table.getColumns().add(number(i18n.get("dashboard.col.warning"), r -> figures.apply(r).warning(), "tone-warn"));
        table.getColumns().add(number(i18n.get("dashboard.col.breached"), r -> figures.apply(r).breached(), "tone-bad"));
        TableColumn<R, ServiceLevel> sl = new TableColumn<>(i18n.get("dashboard.col.serviceLevel"));
        sl.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(figures.apply(c.getValue()).serviceLevel()));
        sl.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ServiceLevel level, boolean empty) {
                super.updateItem(level, empty);
                if (empty || level == null) {
                    StyleClasses.choose(getStyleClass(), TONES, null);
                    setText(null);
                    return;
                }
                setText(level.ratio() == null ? "—"
                        : percent.of(level.ratio()) + "  (" + level.met() + "/" + level.counted() + ")");
                StyleClasses.choose(getStyleClass(), TONES,
                        "tone-" + Percent.tone(level.ratio(), level.goal()).name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        sl.setPrefWidth(140);
        table.getColumns().add(sl);
    }

    private static <R> TableColumn<R, String> text(String title, Function<R, String> value, double width) {
        TableColumn<R, String> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        col.setPrefWidth(width);
        return col;
    }

    private static <R> TableColumn<R, Number> number(String title, Function<R, Integer> value, String toneIfPositive) {
        TableColumn<R, Number> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : n.toString());
                StyleClasses.choose(getStyleClass(), TONES,
                        !empty && n != null && n.intValue() > 0 ? toneIfPositive : null);
            }
        });
        col.setPrefWidth(90);
        col.getStyleClass().add("number-column");
        return col;
    }

    private void style(TableView<?> table) {
        table.setFixedCellSize(ROW);
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label(i18n.get("dashboard.empty"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(empty);
    }
}
