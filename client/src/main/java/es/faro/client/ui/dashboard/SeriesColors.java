package es.faro.client.ui.dashboard;

import java.util.Map;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;

/**
 * Paints a bar chart's series in given colours (a brand's own colour, as on its dot in the sidebar
 * and the lists), bars and legend alike. The chart's default palette would give each brand an
 * unrelated colour — Orange in green — which a lead reading a wallboard at a glance would misread.
 */
final class SeriesColors {
    private SeriesColors() {
    }

    /** {@code colors}: series name → a safe CSS colour; series without one keep the default palette. */
    static void paint(XYChart<String, Number> chart, Map<String, String> colors) {
        for (XYChart.Series<String, Number> series : chart.getData()) {
            String color = colors.get(series.getName());
            if (color == null) {
                continue;
            }
            for (XYChart.Data<String, Number> data : series.getData()) {
                // Bars are created by the chart when the data is added, or later when it is laid out.
                data.nodeProperty().subscribe(bar -> paintBar(bar, color));
            }
        }
        chart.applyCss();
        for (Node item : chart.lookupAll(".chart-legend-item")) {
            if (item instanceof Label label && colors.containsKey(label.getText()) && label.getGraphic() != null) {
                label.getGraphic().setStyle("-fx-background-color: " + colors.get(label.getText()) + ";");
            }
        }
    }

    private static void paintBar(Node bar, String color) {
        if (bar != null) {
            bar.setStyle("-fx-bar-fill: " + color + ";");
        }
    }
}
