package es.faro.client.ui.dashboard;

import atlantafx.base.controls.Card;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import es.faro.client.metrics.HourlyServiceLevel;
import es.faro.client.metrics.ResponseHistogram;
import es.faro.client.ui.common.I18n;
import es.faro.client.ui.common.SlaFormat;
import es.faro.protocol.metrics.ServiceLevel;
import es.faro.protocol.metrics.StaffingForecast;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

/**
 * The charts fetched from the server (service level by hour today against the last 7 days, inbound
 * by hour and brand, first-response distribution) and the Erlang C staffing forecast. Until the
 * server offers a figure its card says "no data yet": nothing is drawn from made-up numbers.
 */
final class HistoryCharts {
    private final DashboardViewModel vm;
    private final I18n i18n;
    private final GridPane root = new GridPane();
    private final LineChart<String, Number> serviceLevel;
    private final StackedBarChart<String, Number> volume;
    private final BarChart<String, Number> firstResponse;
    private final TableView<StaffingForecast> forecast = new TableView<>();
    private final Label slEmpty;
    private final Label volumeEmpty;
    private final Label histogramEmpty;
    private final Label forecastEmpty;

    HistoryCharts(DashboardViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        // Headroom above 100 % so a 100 % hour's dot is not cut in half; the headroom's own tick is
        // unlabelled, one tick away so that the axis does not hide the "100" label as overlapping.
        NumberAxis percent = new NumberAxis(0, 120, 20);
        percent.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.intValue() <= 100 ? Integer.toString(n.intValue()) : "";
            }

            @Override
            public Number fromString(String s) {
                return Integer.valueOf(s);
            }
        });
        serviceLevel = new LineChart<>(hours(), percent);
        serviceLevel.setId("chart-service-level");
        // Symbols on: an hour of today alone (the first answered hour) is a point, not a line. The CSS
        // keeps them only for today's series, draws the goal as a dashed line and the week muted.
        serviceLevel.setCreateSymbols(true);
        serviceLevel.getStyleClass().add("service-level-chart");
        volume = new StackedBarChart<>(hours(), new NumberAxis());
        volume.setId("chart-volume");
        firstResponse = new BarChart<>(new CategoryAxis(), new NumberAxis());
        firstResponse.setId("chart-first-response");
        firstResponse.setLegendVisible(false);
        for (XYChart<?, ?> chart : List.of(serviceLevel, volume, firstResponse)) {
            chart.setAnimated(false);
            chart.getStyleClass().add("dash-chart");
        }
        buildForecast();
        slEmpty = noData();
        volumeEmpty = noData();
        histogramEmpty = noData();
        forecastEmpty = noData();

        root.setHgap(12);
        root.setVgap(12);
        root.getStyleClass().add("dash-charts");
        root.add(card("dashboard.chart.serviceLevel", serviceLevel, slEmpty), 0, 0);
        root.add(card("dashboard.chart.volume", volume, volumeEmpty), 1, 0);
        root.add(card("dashboard.chart.firstResponse", firstResponse, histogramEmpty), 0, 1);
        root.add(card("dashboard.forecast.title", forecast, forecastEmpty), 1, 1);
        for (Node n : root.getChildren()) {
            GridPane.setHgrow(n, Priority.ALWAYS);
            GridPane.setFillWidth(n, true);
        }
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        root.getColumnConstraints().addAll(half, half);
        vm.historyProperty().subscribe(this::show);
    }

    Node node() {
        return root;
    }

    private static CategoryAxis hours() {
        CategoryAxis axis = new CategoryAxis();
        List<String> names = new java.util.ArrayList<>();
        for (int h = 0; h < 24; h++) {
            names.add(String.format("%02d", h));
        }
        axis.setCategories(FXCollections.observableArrayList(names));
        return axis;
    }

    private Label noData() {
        Label label = new Label();
        label.getStyleClass().addAll("dash-no-data", Styles.TEXT_MUTED);
        return label;
    }

    private Node card(String titleKey, Node content, Label empty) {
        Label title = new Label(i18n.get(titleKey));
        title.getStyleClass().add(Styles.TITLE_4);
        StackPane body = new StackPane(content, empty);
        body.setMinHeight(230);
        body.setPrefHeight(260);
        Card card = new Card();
        card.setHeader(title);
        card.setBody(body);
        card.getStyleClass().addAll("dash-card", Styles.ELEVATED_1);
        return card;
    }

    private void buildForecast() {
        forecast.setId("forecast");
        TableColumn<StaffingForecast, String> brand = new TableColumn<>(i18n.get("dashboard.col.brand"));
        brand.setCellValueFactory(c -> new ReadOnlyStringWrapper(vm.brandName(c.getValue().brandId())
                .orElse(c.getValue().brandId())));
        TableColumn<StaffingForecast, String> arrivals = new TableColumn<>(i18n.get("dashboard.forecast.arrivals"));
        arrivals.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.format(i18n.locale(), "%.1f",
                c.getValue().arrivalsPerHour())));
        TableColumn<StaffingForecast, String> aht = new TableColumn<>(i18n.get("dashboard.forecast.aht"));
        aht.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().averageHandleTime() == null ? "—"
                : SlaFormat.countdown(c.getValue().averageHandleTime())));
        TableColumn<StaffingForecast, Number> needed = new TableColumn<>(i18n.get("dashboard.forecast.agents"));
        needed.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().agentsNeeded()));
        forecast.getColumns().addAll(List.of(brand, arrivals, aht, needed));
        forecast.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        forecast.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, Styles.DENSE);
    }

    private void show(History h) {
        fill(h.serviceLevelByHour(), slEmpty, serviceLevel, this::drawServiceLevel);
        fill(h.volumeByHour(), volumeEmpty, volume, this::drawVolume);
        fill(h.firstResponse(), histogramEmpty, firstResponse, this::drawHistogram);
        fill(h.forecast(), forecastEmpty, forecast, rows -> forecast.getItems().setAll(rows));
    }

    private <T> void fill(Fetched<T> fetched, Label empty, Node content, java.util.function.Consumer<T> draw) {
        boolean ready = fetched.isReady();
        content.setVisible(ready);
        empty.setVisible(!ready);
        empty.setText(switch (fetched.state()) {
            case LOADING -> i18n.get("dashboard.loading");
            case NO_DATA -> i18n.get("dashboard.noData");
            case FAILED -> i18n.get("dashboard.fetchFailed");
            case READY -> "";
        });
        if (ready) {
            draw.accept(fetched.value());
        }
    }

    private void drawServiceLevel(List<HourlyServiceLevel.Point> points) {
        XYChart.Series<String, Number> today = new XYChart.Series<>();
        today.setName(i18n.get("dashboard.chart.today"));
        XYChart.Series<String, Number> week = new XYChart.Series<>();
        week.setName(i18n.get("dashboard.chart.lastSevenDays"));
        XYChart.Series<String, Number> goal = new XYChart.Series<>();
        goal.setName(i18n.get("dashboard.chart.goal"));
        for (HourlyServiceLevel.Point p : points) {
            String hour = String.format("%02d", p.hour());
            if (p.today() != null) {
                today.getData().add(new XYChart.Data<>(hour, p.today() * 100));
            }
            if (p.lastSevenDays() != null) {
                week.getData().add(new XYChart.Data<>(hour, p.lastSevenDays() * 100));
            }
            goal.getData().add(new XYChart.Data<>(hour, ServiceLevel.GOAL * 100));
        }
        serviceLevel.getData().setAll(List.of(today, week, goal));
    }

    private void drawVolume(Map<String, int[]> byBrand) {
        List<XYChart.Series<String, Number>> series = new java.util.ArrayList<>();
        Map<String, String> colors = new java.util.HashMap<>();
        byBrand.forEach((brand, hours) -> {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(vm.brandName(brand).orElse(brand));
            for (int h = 0; h < 24; h++) {
                s.getData().add(new XYChart.Data<>(String.format("%02d", h), hours[h]));
            }
            series.add(s);
            vm.brandColor(brand).ifPresent(c -> colors.put(s.getName(), c));
        });
        volume.getData().setAll(series);
        SeriesColors.paint(volume, colors);
    }

    private void drawHistogram(ResponseHistogram histogram) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        for (ResponseHistogram.Bucket b : histogram.buckets()) {
            String name = b.upper() == null ? "≥ " + SlaFormat.countdown(b.lower())
                    : "< " + SlaFormat.countdown(b.upper());
            s.getData().add(new XYChart.Data<>(name, b.count()));
        }
        firstResponse.getData().setAll(List.of(s));
    }
}
