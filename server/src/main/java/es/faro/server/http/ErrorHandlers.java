package es.faro.server.http;

import es.faro.protocol.api.ApiError;
import es.faro.protocol.api.ErrorCodes;
import es.faro.protocol.json.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure leaves as {@code {"error":{"code","message"}}} with the right status. Unexpected
 * exceptions are logged with their stack trace and answered with a bare 500: no internals, no
 * secrets in the body.
 */
final class ErrorHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

    private ErrorHandlers() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> write(ctx, e.status(),
                new ApiError(new ApiError.Detail(e.code(), e.getMessage()), e.current(), e.newMessages())));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(),
                ApiError.of(codeFor(e.getStatus()), messageFor(e))));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, 500, ApiError.of(ErrorCodes.INTERNAL, "internal error"));
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                write(ctx, 404, ApiError.of(ErrorCodes.NOT_FOUND, "no such endpoint: " + ctx.method() + " " + ctx.path()));
            }
        });
        routes.error(405, ctx -> write(ctx, 405, ApiError.of(ErrorCodes.BAD_REQUEST,
                "method " + ctx.method() + " is not allowed on " + ctx.path())));
    }

    private static void write(Context ctx, int status, ApiError error) {
        ctx.status(status).contentType("application/json").result(Json.write(error));
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCodes.BAD_REQUEST;
            case 401 -> ErrorCodes.UNAUTHORIZED;
            case 403 -> ErrorCodes.FORBIDDEN;
            case 404 -> ErrorCodes.NOT_FOUND;
            case 409 -> ErrorCodes.CONFLICT;
            case 413 -> ErrorCodes.TOO_LARGE;
            case 415 -> ErrorCodes.UNSUPPORTED_MEDIA;
            case 429 -> ErrorCodes.RATE_LIMITED;
            default -> status >= 500 ? ErrorCodes.INTERNAL : ErrorCodes.BAD_REQUEST;
        };
    }

    private static String messageFor(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> "not found";
            case 413 -> "the request body is too large";
            default -> e.getStatus() >= 500 ? "internal error" : String.valueOf(e.getMessage());
        };
    }
}
