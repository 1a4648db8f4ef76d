package es.faro.server;

import es.faro.protocol.model.Role;
import es.faro.server.channels.demo.DemoColleagues;
import es.faro.server.config.DemoPasswordGuard;
import es.faro.server.config.ServerConfig;
import es.faro.server.store.Agents;
import es.faro.server.store.Store;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Who works beside the demo user ({@code demo.colleagues=true}): every demo-only agent still on the
 * demo password but the one named by {@code demo.colleagues.besides} (the person at the workstation).
 * Outside demo mode no demo user may keep that password, so nobody does.
 * Their pace comes from {@code demo.colleagues.*} (ISO-8601 durations), by default a believable floor.
 */
final class DemoFloor {
    private DemoFloor() {
    }

    static DemoColleagues colleagues(ServerConfig config, Store store, URI baseUri, Clock clock) {
        boolean on = config.get("demo.colleagues").map(Boolean::parseBoolean).orElse(false);
        String besides = config.get("demo.colleagues.besides").orElse("");
        java.util.function.Supplier<List<String>> usernames = () -> {
            if (!on) {
                return List.of();
            }
            List<String> withDemoPassword = DemoPasswordGuard.offenders(store); // PBKDF2 per user: slow on purpose
            return store.read(Agents::rows).stream()
                    .filter(r -> r.demoOnly() && r.agent().roles().equals(Set.of(Role.AGENT)))
                    .map(r -> r.agent().username())
                    .filter(u -> !u.equals(besides) && withDemoPassword.contains(u))
                    .toList();
        };
        DemoColleagues.Pace floor = DemoColleagues.Pace.FLOOR;
        DemoColleagues.Pace pace = new DemoColleagues.Pace(
                duration(config, "demo.colleagues.tick", floor.tick()),
                duration(config, "demo.colleagues.think.min", floor.thinkMin()),
                duration(config, "demo.colleagues.think.max", floor.thinkMax()),
                duration(config, "demo.colleagues.settle.min", floor.settleMin()),
                duration(config, "demo.colleagues.settle.max", floor.settleMax()),
                floor.maxOpen());
        return new DemoColleagues(baseUri, usernames, DemoPasswordGuard.DEMO_PASSWORD, pace,
                config.demoTrafficSeed(), clock);
    }

    private static Duration duration(ServerConfig config, String key, Duration fallback) {
        return config.get(key).map(Duration::parse).orElse(fallback);
    }
}
