package es.faro.client.ui.dashboard;

import es.faro.client.metrics.HourlyServiceLevel;
import es.faro.client.metrics.ResponseHistogram;
import es.faro.protocol.metrics.StaffingForecast;
import java.util.List;
import java.util.Map;

/** What the dashboard fetched from the server in one go: the charts and the staffing forecast. */
record History(Fetched<List<HourlyServiceLevel.Point>> serviceLevelByHour, Fetched<Map<String, int[]>> volumeByHour,
               Fetched<ResponseHistogram> firstResponse, Fetched<List<StaffingForecast>> forecast) {

    static History loading() {
        return new History(Fetched.loading(), Fetched.loading(), Fetched.loading(), Fetched.loading());
    }
}
