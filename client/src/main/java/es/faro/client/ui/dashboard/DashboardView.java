package es.faro.client.ui.dashboard;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import es.faro.client.metrics.LiveSnapshot;
import es.faro.client.ui.common.Formats;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SharedClock;
import es.faro.client.ui.common.SlaFormat;
import es.faro.protocol.metrics.AgentLoad;
import es.faro.protocol.metrics.Csat;
import es.faro.protocol.metrics.CsatReport;
import es.faro.protocol.metrics.LiveMetrics;
import es.faro.protocol.metrics.ServiceLevel;
import java.time.Duration;
import java.time.Instant;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The team lead's dashboard: live tiles, the breakdown tables, the conversations about to breach,
 * and the fetched charts with the staffing forecast. Wallboard mode (F11 or the toggle) shows only
 * the tiles, the brand × channel table and the list at large size, without controls.
 */
public final class DashboardView {
    private static final double OLDEST_WARN_HOURS = 1;
    private static final double OLDEST_BAD_HOURS = 2;
    private static final int WALLBOARD_COLUMNS = 4;

    private final DashboardViewModel vm;
    private final I18n i18n;
    private final SharedClock clock;
    private final Percent percent;
    private final VBox root;
    private final TileCard serviceLevel;
    private final TileCard backlog;
    private final TileCard oldest;
    private final TileCard warning;
    private final TileCard breached;
    private final TileCard agents;
    private final TileCard csat;
    private final ProgressBar slBar = new ProgressBar(0);
    private final BreakdownTables breakdown;
    private final AtRiskTable atRisk;
    private final VBox content;

    public DashboardView(DashboardViewModel vm, SharedClock clock, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        this.clock = clock;
        this.percent = new Percent(i18n.locale());

        serviceLevel = new TileCard("tile-service-level", i18n.get("dashboard.tile.serviceLevel"));
        slBar.getStyleClass().add("goal-bar");
        slBar.setMaxWidth(Double.MAX_VALUE);
        serviceLevel.extra(goalBar(slBar, ServiceLevel.GOAL));
        backlog = new TileCard("tile-backlog", i18n.get("dashboard.tile.backlog"));
        oldest = new TileCard("tile-oldest", i18n.get("dashboard.tile.oldest"));
        warning = new TileCard("tile-warning", i18n.get("dashboard.tile.warning"));
        breached = new TileCard("tile-breached", i18n.get("dashboard.tile.breached"));
        agents = new TileCard("tile-agents", i18n.get("dashboard.tile.agents"));
        csat = new TileCard("tile-csat", i18n.get("dashboard.tile.csat"));
        GridPane tiles = new GridPane();
        tiles.setHgap(12);
        tiles.setVgap(12);
        TileCard[] all = {serviceLevel, backlog, oldest, warning, breached, agents, csat};
        tiles.getStyleClass().add("dash-tiles");

        breakdown = new BreakdownTables(vm, i18n);
        atRisk = new AtRiskTable(vm, clock, i18n);
        VBox atRiskBox = section("dashboard.atRisk.title", atRisk.node());
        VBox breakdownBox = section("dashboard.breakdown.title", breakdown.node());
        HBox.setHgrow(breakdownBox, Priority.ALWAYS);
        HBox.setHgrow(atRiskBox, Priority.ALWAYS);
        breakdownBox.setPrefWidth(800);
        atRiskBox.setPrefWidth(800);
        HBox middle = new HBox(12, breakdownBox, atRiskBox);
        middle.setPrefHeight(330);
        middle.setMinHeight(260);

        HistoryCharts charts = new HistoryCharts(vm, i18n);
        Node chartsNode = charts.node();

        content = new VBox(14, tiles, middle, chartsNode);
        content.getStyleClass().add("dash-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("dash-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        root = new VBox(header(), scroll);
        root.setId("dashboard");
        root.getStyleClass().add("dashboard");

        scroll.fitToHeightProperty().bind(vm.wallboardProperty());
        VBox.setVgrow(middle, Priority.ALWAYS);
        vm.wallboardProperty().subscribe(wall -> {
            layoutTiles(tiles, all, wall ? WALLBOARD_COLUMNS : all.length);
            root.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("wallboard"), wall);
            chartsNode.setVisible(!wall);
            chartsNode.setManaged(!wall);
            middle.setPrefHeight(wall ? 480 : 330);
        });
        vm.snapshotProperty().subscribe(this::show);
        vm.csatFiguresProperty().subscribe(this::showCsat);
        clock.nowProperty().subscribe(now -> showOldest(vm.snapshotProperty().get(), now));
    }

    /** Seven tiles in a row on a desk screen; on a wallboard, two rows of larger ones. */
    private static void layoutTiles(GridPane grid, TileCard[] tiles, int columns) {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        for (int c = 0; c < columns; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / columns);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        for (int i = 0; i < tiles.length; i++) {
            Node n = tiles[i].node();
            if (n instanceof Region r) {
                r.setMaxWidth(Double.MAX_VALUE);
            }
            grid.add(n, i % columns, i / columns);
        }
    }

    public Parent root() {
        return root;
    }

    /** Adds a feature's section at the end of the dashboard (hidden on the wallboard). */
    public void addSection(Node section) {
        section.visibleProperty().bind(vm.wallboardProperty().not());
        section.managedProperty().bind(vm.wallboardProperty().not());
        content.getChildren().add(section);
    }

    private Node header() {
        Label title = new Label(i18n.get("dashboard.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Formats formats = new Formats(i18n.locale(), vm.zone());
        Label time = new Label();
        time.getStyleClass().add("dash-clock");
        time.textProperty().bind(clock.nowProperty().map(formats::clock));
        Label message = new Label();
        message.setId("dashboard-message");
        message.getStyleClass().add(Styles.TEXT_SMALL);
        message.textProperty().bind(vm.messageProperty().map(t -> i18n.get(t.key(), t.args().toArray())).orElse(""));
        ToggleButton wall = new ToggleButton(i18n.get("dashboard.wallboard"), new FontIcon(Material2OutlinedAL.FULLSCREEN));
        wall.setId("wallboard-toggle");
        wall.selectedProperty().bindBidirectional(vm.wallboardProperty());
        Button refresh = new Button(i18n.get("dashboard.refresh"), new FontIcon(Material2OutlinedMZ.REFRESH));
        refresh.setOnAction(e -> vm.refreshHistory());
        HBox controls = new HBox(8, message, refresh, wall);
        controls.setAlignment(Pos.CENTER_RIGHT);
        controls.getStyleClass().add("dash-controls");
        controls.visibleProperty().bind(vm.wallboardProperty().not());
        HBox header = new HBox(16, title, time, new Spacer(), controls);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("dash-header");
        return header;
    }

    private VBox section(String titleKey, Node content) {
        Label title = new Label(i18n.get(titleKey));
        title.getStyleClass().addAll(Styles.TITLE_4, "dash-section-title");
        VBox box = new VBox(6, title, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    /** A progress bar with a mark at the goal. */
    private static Node goalBar(ProgressBar bar, double goal) {
        Region mark = new Region();
        mark.getStyleClass().add("goal-mark");
        mark.setManaged(false);
        StackPane pane = new StackPane(bar, mark);
        pane.widthProperty().subscribe(w -> {
            mark.resizeRelocate(w.doubleValue() * goal - 1, 0, 3, pane.getHeight());
        });
        pane.heightProperty().subscribe(h -> mark.resize(3, h.doubleValue()));
        return pane;
    }

    private void show(LiveSnapshot s) {
        if (s == null) {
            return;
        }
        LiveMetrics m = s.metrics();
        ServiceLevel sl = m.serviceLevel();
        serviceLevel.show(percent.of(sl.ratio()), sl.ratio() == null ? i18n.get("dashboard.noData")
                        : i18n.get("dashboard.tile.serviceLevel.detail", sl.met(), sl.counted(), percent.of(sl.goal())),
                Percent.tone(sl.ratio(), sl.goal()));
        slBar.setProgress(sl.ratio() == null ? 0 : sl.ratio());
        backlog.show(Integer.toString(m.backlog()), i18n.get("dashboard.tile.backlog.detail"), TileCard.Tone.NEUTRAL);
        warning.show(Integer.toString(m.warning()), i18n.get("dashboard.tile.warning.detail"),
                m.warning() > 0 ? TileCard.Tone.WARN : TileCard.Tone.GOOD);
        breached.show(Integer.toString(m.breached()), i18n.get("dashboard.tile.breached.detail"),
                m.breached() > 0 ? TileCard.Tone.BAD : TileCard.Tone.GOOD);
        int assigned = m.agents().stream().mapToInt(AgentLoad::assigned).sum();
        int capacity = m.agents().stream().mapToInt(AgentLoad::capacity).sum();
        agents.show(s.agentsOnline() + " · " + s.agentsAway(),
                i18n.get("dashboard.tile.agents.detail", assigned, capacity), TileCard.Tone.NEUTRAL);
        showCsat(vm.csatFiguresProperty().get());
        showOldest(s, clock.now());
        breakdown.show(s);
        atRisk.show(s);
    }

    /**
     * CSAT comes from the server (survey answers are not in the cache), not from the snapshot: the
     * share of 4–5 ratings, and under it how many ratings and the surveys' response rate.
     */
    private void showCsat(CsatReport.CsatFigures f) {
        Csat c = f.asCsat();
        String detail = c.ratio() != null
                ? i18n.get("dashboard.tile.csat.answered", c.ratings(), percent.of(f.responseRate()),
                        percent.of(c.goal()))
                : f.sent() > 0 ? i18n.get("dashboard.tile.csat.waiting", f.sent()) : i18n.get("dashboard.noData");
        csat.show(percent.of(c.ratio()), detail, Percent.tone(c.ratio(), c.goal()));
    }

    private void showOldest(LiveSnapshot s, Instant now) {
        if (s == null || now == null) {
            return;
        }
        Instant since = s.metrics().oldestWaitingSince();
        if (since == null) {
            oldest.show("—", i18n.get("dashboard.tile.oldest.none"), TileCard.Tone.GOOD);
            return;
        }
        Duration waiting = Duration.between(since, now);
        double hours = waiting.toMinutes() / 60.0;
        oldest.show(SlaFormat.countdown(waiting.isNegative() ? Duration.ZERO : waiting),
                i18n.get("dashboard.tile.oldest.detail"),
                hours >= OLDEST_BAD_HOURS ? TileCard.Tone.BAD
                        : hours >= OLDEST_WARN_HOURS ? TileCard.Tone.WARN : TileCard.Tone.GOOD);
    }
}
