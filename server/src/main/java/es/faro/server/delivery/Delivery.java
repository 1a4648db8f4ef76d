package es.faro.server.delivery;

import es.faro.server.config.Reference;
import es.faro.server.config.ServerConfig;
import es.faro.server.http.Bodies;
import es.faro.server.store.Store;
import java.time.Clock;
import java.util.function.Supplier;

/** The wiring of outbound delivery, so the composition root needs one line for each part. */
public final class Delivery {
    private Delivery() {
    }

    public static DeliveryWorker startWorker(ServerConfig config, Store store, Supplier<Reference> reference,
                                             Clock clock) {
        DeliverySettings settings = DeliverySettings.from(config);
        return new DeliveryWorker(store, reference, clock, config.nodeId(),
                () -> Connectors.create(Connectors.http(settings.timeout())), new Endpoints(config), settings).start();
    }

    public static DeliveryRoutes routes(Store store, Clock clock, ServerConfig config) {
        return new DeliveryRoutes(new DeliveryService(store, clock), new Bodies(config.maxBodyBytes()));
    }
}
