package es.faro.server.automation;

import es.faro.server.config.Reference;
import es.faro.server.config.ServerConfig;
import es.faro.server.http.Bodies;
import es.faro.server.store.Store;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Issue 4's automation, collision and customer features, built and wired in one place for {@code FaroServer}. */
public final class AutomationModule {
    private static final Logger LOG = LoggerFactory.getLogger(AutomationModule.class);

    private final AutomationService rules;
    private final CustomerService customers;
    private final ClassifierService classifier;
    private final Bodies bodies;

    private AutomationModule(AutomationService rules, CustomerService customers, ClassifierService classifier,
                             Bodies bodies) {
        this.rules = rules;
        this.customers = customers;
        this.classifier = classifier;
        this.bodies = bodies;
    }

    /** Builds the services and seeds the rules from {@code rules.json} on a fresh database. */
    public static AutomationModule start(ServerConfig config, Store store, Supplier<Reference> reference, Clock clock) {
        ClassifierService classifier = new ClassifierService(store, clock,
                config.get("classifier.apply_threshold").map(Double::parseDouble).orElse(0.9),
                config.get("classifier.suggest_threshold").map(Double::parseDouble).orElse(0.3)).start();
        AutomationService rules = new AutomationService(store, reference, clock, classifier);
        int seeded = rules.seedIfEmpty(RuleSeed.load(config.referenceDir().orElse(null)));
        if (seeded > 0) {
            LOG.info("{} automation rules seeded from rules.json", seeded);
        }
        return new AutomationModule(rules, new CustomerService(store, clock), classifier,
                new Bodies(config.maxBodyBytes()));
    }

    public ClassifierService classifier() {
        return classifier;
    }

    public AutomationService rules() {
        return rules;
    }

    public void register(RoutesConfig routes) {
        new AutomationRoutes(rules, bodies).register(routes);
        new CustomerRoutes(customers, bodies).register(routes);
        new ClassifierRoutes(classifier).register(routes);
    }
}
