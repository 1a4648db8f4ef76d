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
        for (HourlyVolume.Bucket bucket : volume.buckets()) {
            if (bucket.start() == null) {
                continue;
            }
            int hour = bucket.start().atZone(zone).getHour();
            bucket.counts().forEach((brand, n) -> byBrand.computeIfAbsent(brand, b -> new int[24])[hour] += n);
        }
        return byBrand;
    }
}
