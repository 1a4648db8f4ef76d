package es.faro.server.automation;

import es.faro.server.http.Principal;
import io.javalin.config.RoutesConfig;

/**
 * {@code GET /api/v1/conversations/{id}/suggestions} (whoever may see the conversation): the classifier's
 * label suggestions. {@code GET /api/v1/admin/classifier} and {@code POST /api/v1/admin/classifier/train}
 * (ADMIN): the current model's held-out figures, and retraining.
 */
final class ClassifierRoutes {
    private final ClassifierService service;

    ClassifierRoutes(ClassifierService service) {
        this.service = service;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/conversations/{id}/suggestions", ctx ->
                ctx.json(service.suggest(Principal.agent(ctx), ctx.pathParam("id"))));
        routes.get("/api/v1/admin/classifier", ctx -> {
            AutomationRoutes.admin(ctx);
            ctx.json(ClassifierService.describe(service.lastReport()));
        });
        routes.post("/api/v1/admin/classifier/train", ctx -> {
            AutomationRoutes.admin(ctx);
            ctx.json(ClassifierService.describe(service.retrain()));
        });
    }
}
