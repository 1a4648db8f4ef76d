package es.faro.client.metrics;

import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

/** Inbound per brand and hour of the day (Madrid): one 24-slot row per brand, brands in id order. */
public final class VolumeByHour {
    private VolumeByHour() {
    }

    public static Map<String, int[]> of(HourlyVolume volume, ZoneId zone) {
        Map<String, int[]> byBrand = new TreeMap<>();
        for (HourlyVolume.Row row : volume.rows()) {
            if (row.hour() == null || row.brandId() == null) {
                continue;
            }
            byBrand.computeIfAbsent(row.brandId(), b -> new int[24])[row.hour().atZone(zone).getHour()] += row.inbound();
        }
        return byBrand;
    }
}
