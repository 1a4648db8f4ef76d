package es.faro.client.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import es.faro.protocol.metrics.ServiceLevel;
import es.faro.protocol.metrics.SlaReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Server reports reshaped for the charts: hours of the Madrid day, pooled 7-day ratios, volume per brand. */
class HistoryShapesTest {

    static SlaReport.Row row(String hour, int met, int missed, int breached) {
        return new SlaReport.Row(hour, ServiceLevel.of(met, missed, breached), met + missed + breached, null);
    }

    @Test
    void theSevenDayFigurePoolsAnHoursResponsesAcrossDays() {
        SlaReport today = new SlaReport(null, null, "hour", List.of(row("2026-11-26T08:00:00Z", 3, 1, 0)), null);
        // 09:00 Madrid on two earlier days: 1 of 1, then 1 of 9 → pooled 2 / 10, not the mean of 100 % and 11 %.
        SlaReport week = new SlaReport(null, null, "hour", List.of(
                row("2026-11-24T08:00:00Z", 1, 0, 0), row("2026-11-25T08:00:00Z", 1, 7, 1),
                row("2026-11-25T22:00:00Z", 0, 0, 0)), null);

        List<HourlyServiceLevel.Point> points = HourlyServiceLevel.of(today, week, LiveFigures.ZONE);

        assertThat(points).hasSize(24);
        assertThat(points.get(9)).isEqualTo(new HourlyServiceLevel.Point(9, 0.75, 0.2));
        assertThat(points.get(23)).isEqualTo(new HourlyServiceLevel.Point(23, null, null)); // nothing counted
        assertThat(points.get(10).today()).isNull();
    }

    @Test
    void volumeIsSlottedByMadridHourPerBrand() {
        HourlyVolume volume = new HourlyVolume(null, null, "hour", "brand", List.of(
                new HourlyVolume.Bucket(Instant.parse("2026-11-26T08:00:00Z"), null, 12, Map.of("orange", 12)),
                new HourlyVolume.Bucket(Instant.parse("2026-11-26T09:00:00Z"), null, 3, Map.of("orange", 3)),
                new HourlyVolume.Bucket(Instant.parse("2026-11-25T23:00:00Z"), null, 2, Map.of("jazztel", 2)),
                new HourlyVolume.Bucket(Instant.parse("2026-11-26T10:00:00Z"), null, 0, Map.of())));

        Map<String, int[]> byBrand = VolumeByHour.of(volume, LiveFigures.ZONE);

        assertThat(byBrand).containsOnlyKeys("jazztel", "orange");
        assertThat(byBrand.get("orange")[9]).isEqualTo(12);
        assertThat(byBrand.get("orange")[10]).isEqualTo(3);
        assertThat(byBrand.get("jazztel")[0]).isEqualTo(2);
    }
}
