package es.faro.server.http;

import es.faro.protocol.model.Channel;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** Query parameter parsing with 400s that name the parameter. */
final class Params {
    private Params() {
    }

    static int intParam(Context ctx, String name, int def, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return def;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw ApiException.validation(name + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.validation(name + " must be a whole number");
        }
    }

    static long longParam(Context ctx, String name, long def) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return def;
        }
        return parseSeq(name, v);
    }

    static long parseSeq(String name, String v) {
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) {
                throw ApiException.validation(name + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.validation(name + " must be a whole number");
        }
    }

    static String text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    static Channel channel(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Channel.fromWire(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("unknown channel " + value);
        }
    }

    static <E extends Enum<E>> E enumParam(Context ctx, String name, Class<E> type) {
        String v = text(ctx, name);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(name + " has an unknown value " + v);
        }
    }

    /** Opaque paging tokens: base64url of a small text the server alone interprets. */
    static String token(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static String untoken(String name, String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name + " is not a token this server issued");
        }
    }
}
