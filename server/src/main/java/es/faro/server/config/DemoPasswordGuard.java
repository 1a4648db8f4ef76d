package es.faro.server.config;

import es.faro.server.store.Agents;
import es.faro.server.store.Store;
import java.util.List;

/**
 * A real deployment must not run with the published demo password: the server refuses to start
 * while any demo-only user still has it (demo mode, embedded or with demo traffic, allows it).
 */
public final class DemoPasswordGuard {
    public static final String DEMO_PASSWORD = "faro-demo";

    private DemoPasswordGuard() {
    }

    /** Usernames of demo-only users whose password is still the demo password. */
    public static List<String> offenders(Store store) {
        return store.read(Agents::rows).stream()
                .filter(Agents.Row::demoOnly)
                .filter(r -> PasswordHasher.verify(DEMO_PASSWORD, r.passwordHash()))
                .map(r -> r.agent().username())
                .toList();
    }
}
