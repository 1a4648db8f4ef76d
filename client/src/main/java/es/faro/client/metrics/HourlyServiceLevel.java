package es.faro.client.metrics;

import es.faro.protocol.metrics.SlaReport;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Service level per hour of the day (Madrid), today against the last 7 days. The 7-day figure pools
 * the hour's first responses over the days (Σ met ÷ Σ counted) instead of averaging daily ratios, so a
 * quiet night with one missed reply does not weigh as much as a busy morning. An hour with nothing
 * counted has no figure (null), never 0 %.
 */
public final class HourlyServiceLevel {
    private HourlyServiceLevel() {
    }

    /** {@code today} and {@code lastSevenDays} are null for an hour with nothing counted. */
    public record Point(int hour, Double today, Double lastSevenDays) {
    }

    public static List<Point> of(SlaReport today, SlaReport lastSevenDays, ZoneId zone) {
        int[] todayMet = new int[24];
        int[] todayCounted = new int[24];
        int[] weekMet = new int[24];
        int[] weekCounted = new int[24];
        add(today, zone, todayMet, todayCounted);
        add(lastSevenDays, zone, weekMet, weekCounted);
        List<Point> points = new ArrayList<>(24);
        for (int h = 0; h < 24; h++) {
            points.add(new Point(h, ratio(todayMet[h], todayCounted[h]), ratio(weekMet[h], weekCounted[h])));
        }
        return points;
    }

    private static void add(SlaReport report, ZoneId zone, int[] met, int[] counted) {
        if (report == null) {
            return;
        }
        for (SlaReport.Row row : report.rows()) {
            if (row.serviceLevel() == null || row.key() == null) {
                continue;
            }
            int hour = Instant.parse(row.key()).atZone(zone).getHour();
            met[hour] += row.serviceLevel().met();
            counted[hour] += row.serviceLevel().counted();
        }
    }

    private static Double ratio(int met, int counted) {
        return counted == 0 ? null : (double) met / counted;
    }
}
